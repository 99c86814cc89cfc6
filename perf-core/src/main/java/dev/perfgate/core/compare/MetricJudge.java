package dev.perfgate.core.compare;

import java.util.Arrays;
import java.util.Locale;

import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.stats.FisherExact;
import dev.perfgate.core.stats.MannWhitney;
import dev.perfgate.core.stats.Quantiles;

/**
 * Decides one metric of one operation: a change counts only when it is beyond the tolerance (the
 * minimum effect) and significant. Latency percentiles and throughput are tested across the runs'
 * windows (Mann-Whitney U); error rates on the request counts (Fisher's exact test). A change beyond
 * the tolerance that the data cannot confirm is INCONCLUSIVE, with what would make it decidable.
 */
final class MetricJudge {

    /** Fewer windows per run than this cannot reach significance 0.05 with a rank test. */
    static final int MIN_WINDOWS = 4;

    private static final double POWER_Z = 0.8416; // 80 % power

    private final GateSettings gate;

    MetricJudge(GateSettings gate) {
        this.gate = gate;
    }

    MetricComparison judge(String testId, String operation, Metric metric, OperationResult baseline, OperationResult current) {
        double before = metric.valueOf(baseline);
        double now = metric.valueOf(current);
        Decision decision = decide(metric, baseline, current, before, now);
        return new MetricComparison(testId, operation, metric, before, now, decision.verdict, decision.note);
    }

    private Decision decide(Metric metric, OperationResult baseline, OperationResult current, double before, double now) {
        if (metric.isPercentile()) {
            long tail = Math.min(metric.tailSamples(baseline), metric.tailSamples(current));
            if (tail < gate.minTailSamples()) {
                return new Decision(Verdict.INCONCLUSIVE, metric.label().split(" ")[0] + " rests on " + tail
                        + " requests beyond it, fewer than " + gate.minTailSamples() + ": run longer");
            }
        }
        Verdict byEffect = metric.judge(before, now, gate);
        if (byEffect == Verdict.UNCHANGED) {
            return new Decision(Verdict.UNCHANGED, "");
        }
        boolean worse = byEffect == Verdict.REGRESSED;
        if (metric == Metric.ERROR_RATE) {
            return errorRateDecision(baseline, current, worse, byEffect);
        }
        return windowDecision(metric, baseline, current, worse, byEffect, before, now);
    }

    private Decision errorRateDecision(OperationResult baseline, OperationResult current, boolean worse, Verdict byEffect) {
        double p = worse
                ? FisherExact.pValueGreater(baseline.errors(), baseline.requests(), current.errors(), current.requests())
                : FisherExact.pValueGreater(current.errors(), current.requests(), baseline.errors(), baseline.requests());
        if (p < gate.significance()) {
            return new Decision(byEffect, "p=" + format(p));
        }
        return new Decision(Verdict.INCONCLUSIVE, "p=" + format(p) + " > " + format(gate.significance()) + ": too few requests to tell");
    }

    private Decision windowDecision(Metric metric, OperationResult baseline, OperationResult current, boolean worse,
            Verdict byEffect, double before, double now) {
        double[] baseWindows = metric.windowValues(baseline);
        double[] nowWindows = metric.windowValues(current);
        if (baseWindows.length < MIN_WINDOWS || nowWindows.length < MIN_WINDOWS) {
            String which = baseWindows.length < MIN_WINDOWS ? "the baseline" : "this run";
            return new Decision(Verdict.INCONCLUSIVE, which + " has " + Math.min(baseWindows.length, nowWindows.length)
                    + " windows, fewer than " + MIN_WINDOWS + ": re-record it with this perfgate");
        }
        // "Worse" is larger for latency, smaller for throughput.
        boolean larger = worse == metric.higherIsWorse();
        double p = larger ? MannWhitney.pValueGreater(baseWindows, nowWindows) : MannWhitney.pValueGreater(nowWindows, baseWindows);
        if (p < gate.significance()) {
            return new Decision(byEffect, "p=" + format(p));
        }
        return new Decision(Verdict.INCONCLUSIVE, "p=" + format(p) + " > " + format(gate.significance())
                + " across " + nowWindows.length + " windows" + windowsNeeded(baseWindows, nowWindows, before, now));
    }

    /** How many windows per run a change this size would need to reach significance with 80 % power. */
    private String windowsNeeded(double[] baseWindows, double[] nowWindows, double before, double now) {
        double spread = Math.sqrt((variance(baseWindows) + variance(nowWindows)) / 2);
        double effect = Math.abs(now - before);
        if (effect == 0 || spread == 0) {
            return "";
        }
        double z = Quantiles.normalUpper(gate.significance()) + POWER_Z;
        // Two-sample size for a shift of `effect` against noise `spread`; 1.05 for the rank test's efficiency.
        long needed = (long) Math.ceil(2 * 1.05 * Math.pow(z * spread / effect, 2));
        return needed <= nowWindows.length ? "" : "; about " + needed + " windows per run would tell (run longer)";
    }

    private static double variance(double[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        return Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, values.length - 1);
    }

    private static String format(double p) {
        return p >= 0.001 ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.1e", p);
    }

    private static final class Decision {
        final Verdict verdict;
        final String note;

        Decision(Verdict verdict, String note) {
            this.verdict = verdict;
            this.note = note;
        }
    }
}
