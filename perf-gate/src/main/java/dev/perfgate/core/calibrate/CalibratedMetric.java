package dev.perfgate.core.calibrate;

import dev.perfgate.core.compare.Metric;

/**
 * The tolerance one metric of one operation gets from its spread over unchanged runs.
 *
 * <pre>{@code
 * CalibratedMetric p50 = new CalibratedMetric("ShopLoadIT.browse", "list", Metric.P50_LATENCY, 10, 7.3, 2.1, 9.3);
 * }</pre>
 *
 * @param testId           the test
 * @param operation        the operation, or {@code (total)}
 * @param metric           the metric: a latency percentile or throughput
 * @param runs             the unchanged runs it was measured in
 * @param median           the median of the runs' values, in the metric's unit
 * @param spreadPercent    one standard deviation between runs, as a percentage of the value (from the
 *                         logarithms of the values, so that it is symmetric for a ratio)
 * @param tolerancePercent the change the gate lets pass as noise for this metric
 */
public record CalibratedMetric(String testId, String operation, Metric metric, int runs, double median, double spreadPercent,
        double tolerancePercent) {

    public CalibratedMetric {
        if (testId == null || testId.isBlank() || operation == null || operation.isBlank() || metric == null) {
            throw new IllegalArgumentException("a calibrated metric needs a test, an operation and a metric");
        }
        if (runs < 2) {
            throw new IllegalArgumentException("runs: " + runs + ", a spread needs at least 2 runs");
        }
        if (!(spreadPercent >= 0) || !(tolerancePercent >= 0) || Double.isInfinite(tolerancePercent)) {
            throw new IllegalArgumentException("spreadPercent and tolerancePercent must be finite, zero or more: "
                    + spreadPercent + ", " + tolerancePercent);
        }
    }
}
