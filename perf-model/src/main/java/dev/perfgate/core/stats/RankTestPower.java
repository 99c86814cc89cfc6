package dev.perfgate.core.stats;

import java.util.Arrays;

/**
 * The power of a one-sided two-sample rank test (Mann-Whitney U) on repeated measurements: how many
 * measurements per run a shift needs, and which shift a given number confirms, with 80 % power. The
 * normal approximation, with the rank test's efficiency against the t test on normal data (3 / pi,
 * about 1.05): a run needs 5 % more measurements than the t test would.
 *
 * <pre>{@code
 * double shift = RankTestPower.detectableShift(0.2, 10, 0.05); // ms, for window medians spread by 0.2 ms
 * long needed = RankTestPower.measurementsNeeded(0.2, 0.1, 0.05); // per run, for a 0.1 ms shift
 * }</pre>
 */
public final class RankTestPower {

    /** Fewer measurements per run than this cannot reach significance 0.05 with a rank test. */
    public static final int MIN_MEASUREMENTS = 4;

    private static final double POWER_Z = 0.8416; // 80 % power
    private static final double RANK_TEST_EFFICIENCY = 1.05;

    private RankTestPower() {
    }

    /** Measurements per run that confirm a shift of {@code effect} against noise {@code spread} at {@code significance}. */
    public static long measurementsNeeded(double spread, double effect, double significance) {
        double z = Quantiles.normalUpper(significance) + POWER_Z;
        return (long) Math.ceil(2 * RANK_TEST_EFFICIENCY * Math.pow(z * spread / effect, 2));
    }

    /**
     * The smallest shift confirmed at {@code significance} between two runs of {@code perRun} measurements
     * each, spread by {@code spread}: {@link #measurementsNeeded} solved for the shift.
     */
    public static double detectableShift(double spread, int perRun, double significance) {
        double z = Quantiles.normalUpper(significance) + POWER_Z;
        return z * spread * Math.sqrt(2 * RANK_TEST_EFFICIENCY / perRun);
    }

    /** The sample variance of {@code values}. */
    public static double variance(double[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        return Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, values.length - 1);
    }
}
