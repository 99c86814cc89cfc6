package dev.perfgate.core.slo;

/**
 * A threshold and what the run measured against it.
 *
 * @param threshold the objective
 * @param measured  the measured value, or {@code null} when the run made no request of that operation
 * @param met       whether the objective held; an operation that was never called does not meet it
 */
public record SloCheck(SloThreshold threshold, Double measured, boolean met) {

    /**
     * How much of the limit the measurement uses: measured / limit for ceilings, limit / measured for
     * floors; above 1 is a breach. Infinite when nothing was measured or a floor met zero.
     */
    public double usage() {
        if (measured == null) {
            return Double.POSITIVE_INFINITY;
        }
        double limit = threshold.limit();
        if (threshold.metric().isFloor()) {
            return measured == 0 ? Double.POSITIVE_INFINITY : limit / measured;
        }
        return limit == 0 ? (measured == 0 ? 0 : Double.POSITIVE_INFINITY) : measured / limit;
    }

    /** One line naming the threshold, its limit and the measured value, e.g. {@code "GET /api p95 312.4 ms > limit 300.0 ms"}. */
    public String describe() {
        SloMetric metric = threshold.metric();
        String subject = threshold.operation() + " " + metric.label() + " ";
        if (measured == null) {
            return subject + "not measured (no request of this operation) - limit " + metric.format(threshold.limit());
        }
        String relation = met ? (metric.isFloor() ? " >= " : " <= ") : (metric.isFloor() ? " < " : " > ");
        return subject + metric.format(measured) + relation + "limit " + metric.format(threshold.limit());
    }
}
