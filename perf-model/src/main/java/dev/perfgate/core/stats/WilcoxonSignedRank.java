package dev.perfgate.core.stats;

import java.util.Arrays;

/**
 * The one-sided Wilcoxon signed-rank test on paired differences: do the differences tend to be
 * above zero? It ranks the differences' sizes and sums the ranks of the positive ones, so one wild
 * pair cannot decide it, and it assumes only that the differences are symmetric about their centre.
 *
 * <p>Differences of exactly zero are dropped (Wilcoxon's rule, as R's {@code wilcox.test}). Equal
 * sizes share their mid-rank. Up to {@value #EXACT_MAX_PAIRS} non-zero differences the p-value is
 * exact: the distribution of the rank sum over all 2<sup>n</sup> equally likely sign patterns, counted
 * by dynamic programming on doubled ranks (so that mid-ranks of ties stay integers, and the p-value is
 * exact given the ties). Above, the normal approximation with tie and continuity correction.
 *
 * <pre>{@code
 * double[] d = {0.05, 0.08, -0.01, 0.06, 0.07};   // ln(B / A) per pair
 * double p = WilcoxonSignedRank.pValueGreater(d);  // 2 / 32 = 0.0625: B tends to be larger
 * }</pre>
 */
public final class WilcoxonSignedRank {

    /** Non-zero differences up to which the p-value is exact. */
    public static final int EXACT_MAX_PAIRS = 50;

    private WilcoxonSignedRank() {
    }

    /**
     * The probability, were the differences symmetric about zero, of a positive rank sum at least as
     * large as observed. Small values say the differences tend to be positive. 1 when every difference is zero.
     *
     * @throws IllegalArgumentException when {@code differences} is empty or holds NaN or an infinity
     */
    public static double pValueGreater(double[] differences) {
        requireUsable(differences);
        double[] nonZero = Arrays.stream(differences).filter(d -> d != 0).toArray();
        int n = nonZero.length;
        if (n == 0) {
            return 1;
        }
        double[] sizes = Arrays.stream(nonZero).map(Math::abs).toArray();
        double[] ranks = Ranks.midRanks(sizes);
        double positiveRankSum = 0;
        for (int i = 0; i < n; i++) {
            if (nonZero[i] > 0) {
                positiveRankSum += ranks[i];
            }
        }
        if (n <= EXACT_MAX_PAIRS) {
            return exactUpperTail(ranks, positiveRankSum);
        }
        return normalUpperTail(n, positiveRankSum, Ranks.tieSum(sizes));
    }

    /** The same test the other way: do the differences tend to be below zero? */
    public static double pValueLess(double[] differences) {
        requireUsable(differences);
        return pValueGreater(Arrays.stream(differences).map(d -> -d).toArray());
    }

    /**
     * P(V &lt;= v) for the signed-rank statistic V of {@code n} untied, non-zero differences: the null
     * distribution behind exact confidence bounds ({@link HodgesLehmann}).
     */
    static double lowerTail(int n, int v) {
        double[] probability = nullDistribution(n);
        double tail = 0;
        for (int s = 0; s <= Math.min(v, probability.length - 1); s++) {
            tail += probability[s];
        }
        return tail;
    }

    /** P(V = v) for v = 0 .. n(n+1)/2: the signed-rank statistic of {@code n} untied, non-zero differences. */
    static double[] nullDistribution(int n) {
        int[] ranks = new int[n];
        Arrays.setAll(ranks, i -> i + 1);
        return positiveSumDistribution(ranks);
    }

    /** P(sum of ranks with a positive sign >= observed) over equally likely signs, on doubled (integer) ranks. */
    private static double exactUpperTail(double[] ranks, double observed) {
        double[] probability = positiveSumDistribution(Arrays.stream(ranks).mapToInt(r -> (int) Math.round(2 * r)).toArray());
        double tail = 0;
        for (int s = (int) Math.max(0, Math.round(2 * observed)); s < probability.length; s++) {
            tail += probability[s];
        }
        return Math.min(1, tail);
    }

    /** P(the weights given a positive sign add up to s), each sign + or - with probability 1/2, for every s. */
    private static double[] positiveSumDistribution(int[] weights) {
        double[] probability = new double[Arrays.stream(weights).sum() + 1];
        probability[0] = 1;
        int reach = 0;
        for (int weight : weights) {
            reach += weight;
            for (int s = reach; s >= 0; s--) { // downwards: probability[s - weight] is still the previous weight's
                probability[s] = (probability[s] + (s >= weight ? probability[s - weight] : 0)) / 2;
            }
        }
        return probability;
    }

    private static double normalUpperTail(int n, double positiveRankSum, double tieSum) {
        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1) * (2.0 * n + 1) / 24 - tieSum / 48;
        return Normal.upperTail((positiveRankSum - mean - 0.5) / Math.sqrt(variance));
    }

    static void requireUsable(double[] differences) {
        if (differences == null || differences.length == 0) {
            throw new IllegalArgumentException("differences: none given; a paired test needs at least one pair");
        }
        for (double d : differences) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("differences: " + d + " is not a finite number");
            }
        }
    }
}
