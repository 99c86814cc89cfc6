package dev.perfgate.core.compare;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import dev.perfgate.core.result.DetectableChange;
import dev.perfgate.core.result.PlanSummary;

/**
 * How far a metric may move from its baseline before it counts as a change: beyond the tolerance
 * (the minimum effect worth failing a build for) and, where both runs carry per-window figures,
 * significantly so across windows.
 *
 * <pre>{@code
 * GateSettings gate = GateSettings.DEFAULT.withTolerancePercent(15);
 * }</pre>
 *
 * @param tolerancePercent         relative change of latency percentiles and throughput that is
 *                                 still noise, e.g. 10 for 10 %
 * @param latencyFloorMillis       latency changes smaller than this many milliseconds are noise
 *                                 whatever their relative size (sub-millisecond percentiles of a fast
 *                                 endpoint move by more than 10 % with the scheduler alone); against a
 *                                 committed baseline only, side by side decides on its pairs' interval
 * @param errorRateTolerancePoints rise of the error rate, in percentage points, that is still noise
 * @param minTailSamples           successful requests a run needs beyond a percentile for it to be
 *                                 gated: p99 of 900 requests rests on 9 of them, and moves by tens of
 *                                 percent from one run to the next; such a percentile is left out
 * @param significance             the one-sided significance level a change must reach across windows
 *                                 (Mann-Whitney U) or in error counts (Fisher's exact test), e.g. 0.05
 * @param metrics                  the load-test metrics compared, {@link Metric#DEFAULT_GATED} unless chosen
 */
public record GateSettings(double tolerancePercent, double latencyFloorMillis, double errorRateTolerancePoints,
        int minTailSamples, double significance, Set<Metric> metrics) {

    /** 10 % relative tolerance, 1 ms latency floor, 1 percentage point of errors, 50 tail samples, 0.05. */
    public static final GateSettings DEFAULT = new GateSettings(10, 1, 1, 50, DetectableChange.DEFAULT_SIGNIFICANCE);

    /** Settings with the default {@link #minTailSamples()} of 50 and significance of 0.05. */
    public GateSettings(double tolerancePercent, double latencyFloorMillis, double errorRateTolerancePoints) {
        this(tolerancePercent, latencyFloorMillis, errorRateTolerancePoints, 50);
    }

    /** Settings that gate the {@link Metric#DEFAULT_GATED default metrics}. */
    public GateSettings(double tolerancePercent, double latencyFloorMillis, double errorRateTolerancePoints, int minTailSamples,
            double significance) {
        this(tolerancePercent, latencyFloorMillis, errorRateTolerancePoints, minTailSamples, significance, Metric.DEFAULT_GATED);
    }

    /** Settings with the default {@link #significance()} of 0.05. */
    public GateSettings(double tolerancePercent, double latencyFloorMillis, double errorRateTolerancePoints, int minTailSamples) {
        this(tolerancePercent, latencyFloorMillis, errorRateTolerancePoints, minTailSamples, 0.05);
    }

    public GateSettings {
        requireNonNegative(tolerancePercent, "tolerancePercent", "10");
        requireNonNegative(latencyFloorMillis, "latencyFloorMillis", "1");
        requireNonNegative(errorRateTolerancePoints, "errorRateTolerancePoints", "1");
        if (minTailSamples < 0) {
            throw new IllegalArgumentException("minTailSamples: " + minTailSamples + " must be zero or more, e.g. 50");
        }
        if (!(significance > 0 && significance < 1)) {
            throw new IllegalArgumentException("significance: " + significance + " must lie between 0 and 1, e.g. 0.05");
        }
        if (metrics == null || metrics.isEmpty()) {
            throw new IllegalArgumentException("metrics: at least one metric must be gated, e.g. \"p95,p99,throughput,errorRate\"");
        }
        metrics = Collections.unmodifiableSet(EnumSet.copyOf(metrics));
    }

    /** The settings as a log or report states them, e.g. {@code "tolerance 10 %, latency floor 1 ms, error rate 1 pp, significance 0.05"}. */
    public String describe() {
        return "tolerance " + plain(tolerancePercent) + " %, latency floor " + plain(latencyFloorMillis) + " ms, error rate "
                + plain(errorRateTolerancePoints) + " pp, significance " + plain(significance)
                + (metrics.equals(Metric.DEFAULT_GATED) ? "" : ", metrics " + metrics.stream().map(Metric::key).collect(Collectors.joining(",")));
    }

    /** A setting's number as the settings are written: {@code 10}, not {@code 10.0}; {@code 0.05} as it is. */
    public static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /**
     * The metrics gated for a run of {@code plan}: in the open model all but throughput, which the arrival
     * schedule sets, not the app.
     */
    public Set<Metric> metricsFor(PlanSummary plan) {
        if (plan == null || !plan.open() || !metrics.contains(Metric.THROUGHPUT)) {
            return metrics;
        }
        EnumSet<Metric> gated = EnumSet.copyOf(metrics);
        gated.remove(Metric.THROUGHPUT);
        return gated;
    }

    /** A copy with another relative tolerance. */
    public GateSettings withTolerancePercent(double percent) {
        return new GateSettings(percent, latencyFloorMillis, errorRateTolerancePoints, minTailSamples, significance, metrics);
    }

    /** A copy with another latency floor. */
    public GateSettings withLatencyFloorMillis(double millis) {
        return new GateSettings(tolerancePercent, millis, errorRateTolerancePoints, minTailSamples, significance, metrics);
    }

    /** A copy that gates {@code gated} instead. */
    public GateSettings withMetrics(Set<Metric> gated) {
        return new GateSettings(tolerancePercent, latencyFloorMillis, errorRateTolerancePoints, minTailSamples, significance, gated);
    }

    private static void requireNonNegative(double value, String name, String example) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + ": " + value + " must be a finite number, zero or more, e.g. " + example);
        }
    }
}
