package dev.perfgate.core.compare;

import java.util.Arrays;

import dev.perfgate.core.stats.HodgesLehmann;
import dev.perfgate.core.stats.WilcoxonSignedRank;

/**
 * What the pairs of one metric of one operation say before the correction for several metrics:
 * the worse-positive differences, their Hodges-Lehmann estimate and interval, and the raw one-sided
 * signed-rank p-values both ways.
 *
 * @param metric      the metric
 * @param reference   the reference's (A) median over its trials
 * @param candidate   this build's (B) median over its trials
 * @param differences the worse-positive difference of each usable pair
 * @param unusable    pairs without a difference (a side had no successful request)
 * @param estimate    the Hodges-Lehmann estimate of the differences' centre
 * @param interval    its interval, one-sided bounds at the gate's significance each
 * @param pWorse      raw p-value of "B is worse"
 * @param pBetter     raw p-value of "B is better"
 */
record PairedEvidence(Metric metric, double reference, double candidate, double[] differences, int unusable, double estimate,
        HodgesLehmann.Interval interval, double pWorse, double pBetter) {

    /** The evidence of the paired values {@code a} (reference) and {@code b} (candidate); {@code null} when no pair is usable. */
    static PairedEvidence of(Metric metric, double[] a, double[] b, double significance) {
        double[] all = PairedScale.differences(metric, a, b);
        double[] usable = Arrays.stream(all).filter(d -> !Double.isNaN(d)).toArray();
        if (usable.length == 0) {
            return null;
        }
        return new PairedEvidence(metric, median(a), median(b), usable, all.length - usable.length, HodgesLehmann.estimate(usable),
                HodgesLehmann.interval(usable, significance), WilcoxonSignedRank.pValueGreater(usable),
                WilcoxonSignedRank.pValueLess(usable));
    }

    int pairs() {
        return differences.length;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
