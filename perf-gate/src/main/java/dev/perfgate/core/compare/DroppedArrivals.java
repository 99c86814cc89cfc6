package dev.perfgate.core.compare;

import java.util.Locale;

import dev.perfgate.core.result.IterationResult;

/**
 * The share of an open-model run's arrivals that were due but never started, because
 * {@code maxInFlight} iterations were already running: an app too slow for the intended rate. In the
 * open model the arrival rate sets each operation's throughput, so this share, not throughput, says
 * that the app fell behind. Gated like the error rate: a rise beyond the tolerance in percentage points
 * that Fisher's exact test finds significant on the counts.
 *
 * <pre>{@code
 * MetricComparison row = DroppedArrivals.DROPPED_ARRIVALS.compare("ShopIT.browse", baseline.iterations(), current.iterations(), gate);
 * }</pre>
 */
public enum DroppedArrivals implements GatedMetric {
    /** The one instance; its name is the metric's identifier in reports. */
    DROPPED_ARRIVALS;

    @Override
    public String label() {
        return "dropped arrivals";
    }

    @Override
    public boolean higherIsWorse() {
        return true;
    }

    @Override
    public String format(double value) {
        return String.format(Locale.ROOT, "%.2f %%", value * 100);
    }

    @Override
    public String formatChange(double baseline, double current) {
        return String.format(Locale.ROOT, "%+.2f pp", (current - baseline) * 100);
    }

    /** The row of {@code testId}'s total for a move from {@code baseline}'s share of dropped arrivals to {@code current}'s. */
    public MetricComparison compare(String testId, IterationResult baseline, IterationResult current, GateSettings gate) {
        double before = shareOf(baseline);
        double now = shareOf(current);
        // A share of events like the error rate, so the error rate's tolerance in percentage points decides the effect.
        Verdict byEffect = Metric.ERROR_RATE.judge(before, now, gate);
        Decision decision = byEffect == Verdict.UNCHANGED ? Decision.UNCHANGED : MetricJudge.confirmOnCounts(baseline.dropped(),
                baseline.scheduled(), current.dropped(), current.scheduled(), byEffect, gate, "arrivals");
        return new MetricComparison(testId, ResultComparator.TOTAL, this, before, now, decision.verdict(), decision.note());
    }

    private static double shareOf(IterationResult iterations) {
        return iterations.scheduled() == 0 ? 0 : (double) iterations.dropped() / iterations.scheduled();
    }
}
