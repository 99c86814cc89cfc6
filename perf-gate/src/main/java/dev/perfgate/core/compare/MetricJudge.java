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
        if (metric == Metric.ERROR_RATE) {
            return confirmOnCounts(baseline.errors(), baseline.requests(), current.errors(), current.requests(), byEffect, gate, "requests");
        }
        return WINDOWS.confirm(metric, metric.windowValues(baseline), metric.windowValues(current), byEffect, before, now, gate);
    }

    /**
     * Confirms or withholds {@code byEffect} (REGRESSED or IMPROVED, as the tolerance judged the move of a share
     * of events) on the counts: {@code eventsBefore} of {@code totalBefore} in the baseline, {@code eventsNow} of
     * {@code totalNow} now, by Fisher's exact test at the gate's significance; {@code counted} names the total,
     * e.g. "requests".
     */
    static Decision confirmOnCounts(long eventsBefore, long totalBefore, long eventsNow, long totalNow, Verdict byEffect,
            GateSettings gate, String counted) {
        double p = byEffect == Verdict.REGRESSED
                ? FisherExact.pValueGreater(eventsBefore, totalBefore, eventsNow, totalNow)
                : FisherExact.pValueGreater(eventsNow, totalNow, eventsBefore, totalBefore);
        if (p < gate.significance()) {
            return new Decision(byEffect, "p=" + RepeatedMeasurements.formatP(p));
        }
        return new Decision(Verdict.INCONCLUSIVE, "p=" + RepeatedMeasurements.formatP(p) + " > "
                + RepeatedMeasurements.formatP(gate.significance()) + ": too few " + counted + " to tell");
    }

}
