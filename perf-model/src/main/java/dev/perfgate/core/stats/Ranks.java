package dev.perfgate.core.stats;

import java.util.Arrays;

/** Mid-ranks and tie counts, shared by the rank tests ({@link MannWhitney}, {@link WilcoxonSignedRank}). */
final class Ranks {

    private Ranks() {
    }

    /** The 1-based rank of each value in the order given; equal values share the mean of their ranks. */
    static double[] midRanks(double[] values) {
        int size = values.length;
        Integer[] order = new Integer[size];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[size];
        for (int start = 0; start < size;) {
            int end = start;
            while (end + 1 < size && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double midRank = (start + end) / 2.0 + 1;
            for (int i = start; i <= end; i++) {
                ranks[order[i]] = midRank;
            }
            start = end + 1;
        }
        return ranks;
    }

    /** The sum over groups of equal values of t^3 - t, t the group's size: 0 without ties. */
    static double tieSum(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (int start = 0; start < sorted.length;) {
            int end = start;
            while (end + 1 < sorted.length && sorted[end + 1] == sorted[start]) {
                end++;
            }
            double t = end - start + 1;
            sum += t * t * t - t;
            start = end + 1;
        }
        return sum;
    }
}
