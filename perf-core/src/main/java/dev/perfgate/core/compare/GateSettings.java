package dev.perfgate.core.compare;

/**
 * How far a metric may move from its baseline before it counts as a change.
 *
 * <pre>{@code
 * GateSettings gate = GateSettings.DEFAULT.withTolerancePercent(15);
 * }</pre>
 *
 * @param tolerancePercent         relative change of latency percentiles and throughput that is
 *                                 still noise, e.g. 10 for 10 %
 * @param latencyFloorMillis       latency changes smaller than this many milliseconds are noise
 *                                 whatever their relative size (sub-millisecond percentiles of a fast
 *                                 endpoint move by more than 10 % with the scheduler alone)
 * @param errorRateTolerancePoints rise of the error rate, in percentage points, that is still noise
 * @param minTailSamples           successful requests a run needs beyond a percentile for it to be
 *                                 gated: p99 of 900 requests rests on 9 of them, and moves by tens of
 *                                 percent from one run to the next; such a row is INCONCLUSIVE
 */
public record GateSettings(double tolerancePercent, double latencyFloorMillis, double errorRateTolerancePoints,
        int minTailSamples) {

    /** 10 % relative tolerance, 1 ms latency floor, 1 percentage point of errors, 50 tail samples. */
    public static final GateSettings DEFAULT = new GateSettings(10, 1, 1, 50);

    /** Settings with the default {@link #minTailSamples()} of 50. */
    public GateSettings(double tolerancePercent, double latencyFloorMillis, double errorRateTolerancePoints) {
        this(tolerancePercent, latencyFloorMillis, errorRateTolerancePoints, 50);
    }

    public GateSettings {
        requireNonNegative(tolerancePercent, "tolerancePercent", "10");
        requireNonNegative(latencyFloorMillis, "latencyFloorMillis", "1");
        requireNonNegative(errorRateTolerancePoints, "errorRateTolerancePoints", "1");
        if (minTailSamples < 0) {
            throw new IllegalArgumentException("minTailSamples: " + minTailSamples + " must be zero or more, e.g. 50");
        }
    }

    /** A copy with another relative tolerance. */
    public GateSettings withTolerancePercent(double percent) {
        return new GateSettings(percent, latencyFloorMillis, errorRateTolerancePoints, minTailSamples);
    }

    private static void requireNonNegative(double value, String name, String example) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + ": " + value + " must be a finite number, zero or more, e.g. " + example);
        }
    }
}
