package dev.perfgate.core.compare;

import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.stats.FisherExact;

/**
 * Decides one metric of one operation: a change counts only when it is beyond the tolerance (the
 * minimum effect) and significant. Latency percentiles and throughput are tested across the runs'
 * windows (Mann-Whitney U); error rates on the request counts (Fisher's exact test). A change beyond
 * the tolerance that the data cannot confirm is INCONCLUSIVE, with what would make it decidable.
 */
final class MetricJudge {

    private static final RepeatedMeasurements WINDOWS = new RepeatedMeasurements("windows", "re-record it with this perfgate", "run longer");

    private final GateSettings gate;

    MetricJudge(GateSettings gate) {
        this.gate = gate;
    }

    MetricComparison judge(String testId, String operation, Metric metric, OperationResult baseline, OperationResult current) {
        double before = metric.valueOf(baseline);
        double now = metric.valueOf(current);
        Decision decision = decide(metric, baseline, current, before, now);
        return new MetricComparison(testId, operation, metric, before, now, decision.verdict(), decision.note());
    }

    private Decision decide(Metric metric, OperationResult baseline, OperationResult current, double before, double now) {
        Verdict byEffect = metric.judge(before, now, gate);
        if (byEffect == Verdict.UNCHANGED) {
            return Decision.UNCHANGED;
        }
        boolean worse = byEffect == Verdict.REGRESSED;
        if (metric == Metric.ERROR_RATE) {
            return errorRateDecision(baseline, current, worse, byEffect);
        }
        return WINDOWS.confirm(metric, metric.windowValues(baseline), metric.windowValues(current), byEffect, before, now, gate);
    }

    private Decision errorRateDecision(OperationResult baseline, OperationResult current, boolean worse, Verdict byEffect) {
        double p = worse
                ? FisherExact.pValueGreater(baseline.errors(), baseline.requests(), current.errors(), current.requests())
                : FisherExact.pValueGreater(current.errors(), current.requests(), baseline.errors(), baseline.requests());
        if (p < gate.significance()) {
            return new Decision(byEffect, "p=" + RepeatedMeasurements.formatP(p));
        }
        return new Decision(Verdict.INCONCLUSIVE, "p=" + RepeatedMeasurements.formatP(p) + " > "
                + RepeatedMeasurements.formatP(gate.significance()) + ": too few requests to tell");
    }

}
