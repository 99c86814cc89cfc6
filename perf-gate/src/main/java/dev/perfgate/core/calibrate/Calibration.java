package dev.perfgate.core.calibrate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.perfgate.core.compare.Metric;

/**
 * Tolerances sized from the spread of the user's own unchanged runs, one per gated metric of each
 * operation: a quiet metric gets a tight tolerance, a noisy one a wide one, where one fixed
 * tolerance and floor would hide changes on the first and raise false alarms on the second.
 *
 * <pre>{@code
 * Calibration calibration = CalibrationFile.read(Path.of("baselines/calibration/tolerances.json"));
 * calibration.find("ShopLoadIT.browse", "list", Metric.P50_LATENCY).ifPresent(m -> use(m.tolerancePercent()));
 * }</pre>
 *
 * @param calibratedAt when it was computed
 * @param spreads      how rarely an unchanged run passes a tolerance, in standard deviations of a normal
 *                     distribution (3: 1 comparison in 740)
 * @param metrics      the calibrated metrics
 */
public record Calibration(Instant calibratedAt, double spreads, List<CalibratedMetric> metrics) {

    public Calibration {
        metrics = List.copyOf(metrics);
    }

    /** The calibration of {@code metric} of {@code operation} of {@code testId}, if it has one. */
    public Optional<CalibratedMetric> find(String testId, String operation, Metric metric) {
        return metrics.stream()
                .filter(m -> m.testId().equals(testId) && m.operation().equals(operation) && m.metric() == metric)
                .findFirst();
    }
}
