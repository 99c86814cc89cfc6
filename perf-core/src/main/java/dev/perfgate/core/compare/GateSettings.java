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
 */
public record GateSettings(double tolerancePercent, double latencyFloorMillis, double errorRateTolerancePoints) {

    /** 10 % relative tolerance, 1 ms latency floor, 1 percentage point of errors. */
    public static final GateSettings DEFAULT = new GateSettings(10, 1, 1);

    public GateSettings {
        requireNonNegative(tolerancePercent, "tolerancePercent", "10");
        requireNonNegative(latencyFloorMillis, "latencyFloorMillis", "1");
        requireNonNegative(errorRateTolerancePoints, "errorRateTolerancePoints", "1");
    }

    /** A copy with another relative tolerance. */
    public GateSettings withTolerancePercent(double percent) {
        return new GateSettings(percent, latencyFloorMillis, errorRateTolerancePoints);
    }

    private static void requireNonNegative(double value, String name, String example) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + ": " + value + " must be a finite number, zero or more, e.g. " + example);
        }
    }
}
