package dev.perfgate.core.compare;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

import dev.perfgate.core.stats.HodgesLehmann;
import dev.perfgate.core.stats.OneSampleT;
import dev.perfgate.core.stats.TheilSen;
import dev.perfgate.core.stats.WilcoxonSignedRank;

/**
 * What the pairs of one metric of one operation say before the correction for several metrics:
 * the worse-positive differences, their estimate and interval, and the raw one-sided p-values both
 * ways. The unit of the test depends on how many instances of each version the run measured:
 * <ul>
 * <li>one: each pair is a unit; Hodges-Lehmann estimate and exact Wilcoxon signed-rank test;</li>
 * <li>several: each instance is a unit, its difference the mean over its pairs; mean, t interval and
 * one-sample t test with one degree of freedom less than the instances. Pairs of one instance share
 * its two JVMs, whose difference lasts as long as they do; only instances are independent.</li>
 * </ul>
 *
 * @param metric      the metric
 * @param reference   the reference's (A) median over its trials
 * @param candidate   this build's (B) median over its trials
 * @param differences the worse-positive difference of each unit (usable pair, or instance)
 * @param instances   instances of each version the pairs ran on (1: the pairs are the units)
 * @param pairs       usable pairs
 * @param unusable    pairs without a difference (a side had no successful request)
 * @param estimate    the estimate of the differences' centre
 * @param lower       its lower bound, one-sided at the gate's significance
 * @param upper       its upper bound, likewise
 * @param pWorse      raw p-value of "B is worse"
 * @param pBetter     raw p-value of "B is better"
 */
record PairedEvidence(Metric metric, double reference, double candidate, double[] differences, int instances, int pairs, int unusable,
        double estimate, double lower, double upper, double pWorse, double pBetter) {

    /**
     * The evidence of the paired values {@code a} (reference) and {@code b} (candidate), pair {@code i} run on
     * instance {@code instanceOf[i]}; {@code null} when no pair is usable.
     */
    static PairedEvidence of(Metric metric, double[] a, double[] b, int[] instanceOf, double significance) {
        double[] all = PairedScale.differences(metric, a, b);
        int[] usable = IntStream.range(0, all.length).filter(i -> !Double.isNaN(all[i])).toArray();
        if (usable.length == 0) {
            return null;
        }
        double[] perPair = Arrays.stream(usable).mapToDouble(i -> all[i]).toArray();
        double[] perInstance = instanceMeans(all, usable, instanceOf);
        int unusable = all.length - usable.length;
        if (perInstance.length < 2) {
            HodgesLehmann.Interval interval = HodgesLehmann.interval(perPair, significance);
            return new PairedEvidence(metric, TheilSen.median(a), TheilSen.median(b), perPair, 1, perPair.length, unusable,
                    HodgesLehmann.estimate(perPair), interval.lower(), interval.upper(), WilcoxonSignedRank.pValueGreater(perPair),
                    WilcoxonSignedRank.pValueLess(perPair));
        }
        double[] bounds = OneSampleT.interval(perInstance, significance);
        return new PairedEvidence(metric, TheilSen.median(a), TheilSen.median(b), perInstance, perInstance.length, perPair.length, unusable,
                Arrays.stream(perInstance).average().orElseThrow(), bounds[0], bounds[1], OneSampleT.pValueGreater(perInstance),
                OneSampleT.pValueLess(perInstance));
    }

    /** Whether every unit's difference is exactly 0 (e.g. no errors on either side): then p is 1 both ways. */
    boolean allZero() {
        return Arrays.stream(differences).allMatch(d -> d == 0);
    }

    /** Whether the units are instances rather than pairs. */
    boolean byInstance() {
        return instances > 1;
    }

    /** How many units would detect {@code effect} with 80 % power at {@code alpha}, from the spread of these. */
    int unitsNeeded(double effect, double alpha) {
        return byInstance() ? OneSampleT.sampleSize(OneSampleT.standardDeviation(differences), effect, alpha, 0.8)
                : PairsNeeded.estimate(differences, effect, alpha);
    }

    /** The units' count and name, e.g. {@code "10 pairs"} or {@code "6 instances, 12 pairs"}. */
    String units() {
        if (!byInstance()) {
            return pairs + " pairs";
        }
        return instances + " instances, " + pairs + " pairs";
    }

    /** The name of what more of would resolve the question: pairs, or instances. */
    String unitName() {
        return byInstance() ? "instances" : "pairs";
    }

    private static double[] instanceMeans(double[] all, int[] usable, int[] instanceOf) {
        Map<Integer, double[]> sums = new LinkedHashMap<>(); // instance -> {sum, count}
        for (int i : usable) {
            double[] sum = sums.computeIfAbsent(instanceOf[i], k -> new double[2]);
            sum[0] += all[i];
            sum[1]++;
        }
        return sums.values().stream().mapToDouble(s -> s[0] / s[1]).toArray();
    }
}
