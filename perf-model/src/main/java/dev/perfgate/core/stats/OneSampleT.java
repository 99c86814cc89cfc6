package dev.perfgate.core.stats;

import java.util.Arrays;

/**
 * The one-sample t test of a handful of values (e.g. one difference per application instance of a
 * side-by-side run), its one-sided p-values, the interval that goes with them, and the number of
 * values a test would need for a given power. Where a rank test on {@code n} values can never go
 * below {@code 2^-n} (1/32 at five), the t test uses the values' size, which the few independent
 * units of a costly experiment need (Kalibera and Jones, "Rigorous benchmarking in reasonable
 * time", 2013, build their intervals the same way).
 *
 * <pre>{@code
 * double[] d = {0.061, 0.048, 0.072, 0.039, 0.066};
 * double p = OneSampleT.pValueGreater(d);                 // "the mean is above 0": 0.0003
 * double[] bounds = OneSampleT.interval(d, 0.05);         // each bound one-sided 95 %
 * }</pre>
 */
public final class OneSampleT {

    private OneSampleT() {
    }

    /**
     * P(a mean this far above 0 | the true mean is 0). Values that are all equal have no spread to
     * measure: then the sign test's {@code 2^-n} when they are above 0, 1 otherwise.
     *
     * @throws IllegalArgumentException for fewer than 2 values
     */
    public static double pValueGreater(double[] values) {
        double mean = mean(values);
        double standardError = standardError(values);
        if (standardError == 0) {
            return mean > 0 ? Math.pow(2, -values.length) : 1;
        }
        return StudentT.upperTail(mean / standardError, values.length - 1);
    }

    /** P(a mean this far below 0 | the true mean is 0), as {@link #pValueGreater} the other way. */
    public static double pValueLess(double[] values) {
        return pValueGreater(Arrays.stream(values).map(v -> -v).toArray());
    }

    /**
     * {lower, upper}: each a one-sided {@code 1 - alphaEachSide} confidence bound of the mean (a two-sided
     * {@code 1 - 2 alphaEachSide} interval); the lower bound is above 0 exactly when {@link #pValueGreater}
     * is below {@code alphaEachSide}.
     */
    public static double[] interval(double[] values, double alphaEachSide) {
        if (!(alphaEachSide > 0 && alphaEachSide < 0.5)) {
            throw new IllegalArgumentException("alphaEachSide: " + alphaEachSide + " must lie between 0 and 0.5, e.g. 0.05");
        }
        double mean = mean(values);
        double half = StudentT.upperQuantile(alphaEachSide, values.length - 1) * standardError(values);
        return new double[] {mean - half, mean + half};
    }

    /**
     * The fewest values (at least 2) with which a one-sided test at {@code alpha} detects a true mean of
     * {@code effect} with about {@code power}, when the values spread by {@code sd}: the smallest n with
     * {@code sqrt(n) effect / sd >= t(alpha, n - 1) + t(1 - power, n - 1)}.
     */
    public static int sampleSize(double sd, double effect, double alpha, double power) {
        if (!(effect > 0) || sd == 0) {
            return 2;
        }
        for (int n = 2; n < 1_000_000; n++) {
            double needed = StudentT.upperQuantile(alpha, n - 1) + StudentT.upperQuantile(1 - power, n - 1);
            if (Math.sqrt(n) * effect / sd >= needed) {
                return n;
            }
        }
        return 1_000_000;
    }

    /** The sample standard deviation (n - 1), 0 for fewer than 2 values. */
    public static double standardDeviation(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1));
    }

    private static double mean(double[] values) {
        if (values.length < 2) {
            throw new IllegalArgumentException("a t test needs at least 2 values, got " + values.length);
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("values must be finite numbers, got " + value);
            }
        }
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double standardError(double[] values) {
        return standardDeviation(values) / Math.sqrt(values.length);
    }
}
