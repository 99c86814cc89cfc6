package dev.perfgate.core.stats;

import java.util.Arrays;

/**
 * The Hodges-Lehmann estimate of the centre of paired differences, the median of all Walsh averages
 * {@code (d[i] + d[j]) / 2, i <= j}, and the confidence interval that goes with the Wilcoxon
 * signed-rank test ({@link WilcoxonSignedRank}): robust to a wild pair like a median, nearly as
 * efficient as a mean on normal data.
 *
 * <pre>{@code
 * double[] d = {0.05, 0.08, -0.01, 0.06, 0.07};
 * double change = HodgesLehmann.estimate(d);                      // 0.055
 * HodgesLehmann.Interval ci = HodgesLehmann.interval(d, 0.05);   // two-sided 90 %
 * }</pre>
 */
public final class HodgesLehmann {

    /**
     * A confidence interval; a bound is infinite when there are too few pairs to set it at the level asked.
     *
     * @param lower the lower bound
     * @param upper the upper bound
     */
    public record Interval(double lower, double upper) {
    }

    private HodgesLehmann() {
    }

    /**
     * The median of the Walsh averages of {@code differences}.
     *
     * @throws IllegalArgumentException when {@code differences} is empty or holds NaN or an infinity
     */
    public static double estimate(double[] differences) {
        double[] walsh = walshAverages(differences);
        int m = walsh.length;
        return m % 2 == 1 ? walsh[m / 2] : (walsh[m / 2 - 1] + walsh[m / 2]) / 2;
    }

    /**
     * The interval whose bounds are each one-sided {@code 1 - alphaEachSide} confidence bounds (so a
     * two-sided {@code 1 - 2 alphaEachSide} interval): its lower bound is above zero exactly when the
     * one-sided signed-rank test of untied differences rejects "no shift" at {@code alphaEachSide}. Exact
     * signed-rank quantiles up to {@value WilcoxonSignedRank#EXACT_MAX_PAIRS} differences, normal above.
     *
     * @throws IllegalArgumentException when {@code alphaEachSide} is not between 0 and 0.5
     */
    public static Interval interval(double[] differences, double alphaEachSide) {
        if (!(alphaEachSide > 0 && alphaEachSide < 0.5)) {
            throw new IllegalArgumentException("alphaEachSide: " + alphaEachSide + " must lie between 0 and 0.5, e.g. 0.05");
        }
        double[] walsh = walshAverages(differences);
        int k = boundIndex(differences.length, alphaEachSide);
        if (k < 1) {
            return new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        return new Interval(walsh[k - 1], walsh[walsh.length - k]);
    }

    /** The largest k with P(V <= k - 1) <= alpha: the lower bound is the k-th smallest Walsh average. */
    private static int boundIndex(int n, double alpha) {
        int m = n * (n + 1) / 2;
        if (n <= WilcoxonSignedRank.EXACT_MAX_PAIRS) {
            double[] probability = WilcoxonSignedRank.nullDistribution(n);
            int k = 0;
            double below = probability[0]; // P(V <= k)
            while (k < m && below <= alpha) {
                k++;
                below += probability[k];
            }
            return k;
        }
        double sd = Math.sqrt(n * (n + 1) * (2.0 * n + 1) / 24);
        return (int) Math.floor(m / 2.0 - Normal.upperQuantile(alpha) * sd + 0.5);
    }

    private static double[] walshAverages(double[] differences) {
        WilcoxonSignedRank.requireUsable(differences);
        int n = differences.length;
        double[] walsh = new double[n * (n + 1) / 2];
        int at = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                walsh[at++] = (differences[i] + differences[j]) / 2;
            }
        }
        Arrays.sort(walsh);
        return walsh;
    }
}
