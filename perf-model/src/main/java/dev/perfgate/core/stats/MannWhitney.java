package dev.perfgate.core.stats;

/**
 * The one-sided Mann-Whitney U test (Wilcoxon rank-sum): do the {@code after} values tend to be
 * larger than the {@code before} values? It compares ranks, not means, so one wild window cannot
 * decide it, and it assumes nothing about the distribution of window figures.
 *
 * <p>The p-value is exact when the samples have no ties and at most 400 pairs
 * ({@code before.length * after.length}); otherwise it uses the normal approximation with tie and
 * continuity correction.
 *
 * <pre>{@code
 * double p = MannWhitney.pValueGreater(baselineWindowP95s, currentWindowP95s);
 * boolean slower = p < 0.05;
 * }</pre>
 */
public final class MannWhitney {

    private static final int EXACT_MAX_PAIRS = 400;

    private MannWhitney() {
    }

    /**
     * The probability, were both samples from one distribution, of a rank sum of {@code after} at
     * least as large as observed. Small values say that {@code after} is stochastically larger.
     *
     * @throws IllegalArgumentException when a sample is empty or holds NaN
     */
    public static double pValueGreater(double[] before, double[] after) {
        requireUsable(before, "before");
        requireUsable(after, "after");
        int n = before.length;
        int m = after.length;
        double[] ranks = ranks(before, after);
        double rankSumAfter = 0;
        for (int i = n; i < n + m; i++) {
            rankSumAfter += ranks[i];
        }
        double u = rankSumAfter - m * (m + 1) / 2.0; // pairs (before, after) with after > before, ties count half
        if (!hasTies(before, after) && (long) n * m <= EXACT_MAX_PAIRS) {
            return exactUpperTail((int) Math.round(u), n, m);
        }
        return normalUpperTail(u, n, m, tieCorrection(before, after));
    }

    /** P(U >= u) under the null hypothesis, by counting rank arrangements. */
    private static double exactUpperTail(int u, int n, int m) {
        int maxU = n * m;
        // counts[k][j][s]: arrangements of k "before" and j "after" values with U = s
        double[][] previous = new double[m + 1][];
        for (int j = 0; j <= m; j++) {
            previous[j] = new double[maxU + 1];
            previous[j][0] = 1;
        }
        for (int k = 1; k <= n; k++) {
            double[][] current = new double[m + 1][];
            current[0] = new double[maxU + 1];
            current[0][0] = 1;
            for (int j = 1; j <= m; j++) {
                current[j] = new double[maxU + 1];
                for (int s = 0; s <= k * j; s++) {
                    // The largest of the k + j values is either an "after" (adding k to U) or a "before".
                    double largestAfter = s >= k ? current[j - 1][s - k] : 0;
                    double largestBefore = previous[j][s];
                    current[j][s] = largestAfter + largestBefore;
                }
            }
            previous = current;
        }
        double total = 0;
        double tail = 0;
        for (int s = 0; s <= maxU; s++) {
            total += previous[m][s];
            if (s >= u) {
                tail += previous[m][s];
            }
        }
        return tail / total;
    }

    private static double normalUpperTail(double u, int n, int m, double tieSum) {
        double mean = n * (double) m / 2;
        double size = n + m;
        double variance = n * (double) m / 12 * ((size + 1) - tieSum / (size * (size - 1)));
        if (variance <= 0) {
            return u > mean ? 0 : 1; // every value tied: no evidence either way
        }
        double z = (u - mean - 0.5) / Math.sqrt(variance);
        return Normal.upperTail(z);
    }

    /** Mid-ranks of before followed by after. */
    private static double[] ranks(double[] before, double[] after) {
        return Ranks.midRanks(concatenated(before, after));
    }

    private static boolean hasTies(double[] before, double[] after) {
        return tieCorrection(before, after) > 0;
    }

    /** Sum over tie groups of t^3 - t. */
    private static double tieCorrection(double[] before, double[] after) {
        return Ranks.tieSum(concatenated(before, after));
    }

    private static double[] concatenated(double[] before, double[] after) {
        double[] values = new double[before.length + after.length];
        System.arraycopy(before, 0, values, 0, before.length);
        System.arraycopy(after, 0, values, before.length, after.length);
        return values;
    }

    private static void requireUsable(double[] sample, String name) {
        if (sample == null || sample.length == 0) {
            throw new IllegalArgumentException(name + ": the sample is empty");
        }
        for (double value : sample) {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException(name + ": the sample holds NaN");
            }
        }
    }
}
