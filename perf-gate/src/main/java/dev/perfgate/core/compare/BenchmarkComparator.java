package dev.perfgate.core.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.perfgate.core.jmh.BenchmarkResult;
import dev.perfgate.core.jmh.JmhMode;

/**
 * Compares a JMH benchmark with its baseline, mode by mode, under the same rule as load tests: the
 * score must move beyond the tolerance and the iterations' scores must differ significantly
 * (Mann-Whitney U across every measurement iteration of every fork), else the row is UNCHANGED or
 * INCONCLUSIVE. Rows carry the benchmark's id as test and its mode (e.g. {@code "avgt"}) as operation.
 *
 * <pre>{@code
 * List<MetricComparison> rows = new BenchmarkComparator(GateRules.everywhere(GateSettings.DEFAULT))
 *         .compare(baseline.results(), currentResultsOfTheSameId);
 * }</pre>
 */
public final class BenchmarkComparator {

    private static final RepeatedMeasurements ITERATIONS = new RepeatedMeasurements("iterations",
            "run at least " + RepeatedMeasurements.MIN_MEASUREMENTS + " measurement iterations (forks x iterations)",
            "more measurement iterations or forks");

    private final GateRules rules;

    /** A comparator whose settings may differ per benchmark id and mode; only the tolerance and significance apply. */
    public BenchmarkComparator(GateRules rules) {
        this.rules = rules;
    }

    /** Rows for the results of one benchmark id: one per mode in either list, by mode. */
    public List<MetricComparison> compare(List<BenchmarkResult> baseline, List<BenchmarkResult> current) {
        Map<JmhMode, BenchmarkResult> before = byMode(baseline);
        Map<JmhMode, BenchmarkResult> now = byMode(current);
        TreeMap<JmhMode, Boolean> modes = new TreeMap<>();
        before.keySet().forEach(mode -> modes.put(mode, true));
        now.keySet().forEach(mode -> modes.put(mode, true));
        List<MetricComparison> rows = new ArrayList<>();
        for (JmhMode mode : modes.keySet()) {
            rows.add(compare(before.get(mode), now.get(mode)));
        }
        return rows;
    }

    /** The row of one benchmark in one mode; either side may be {@code null} (NEW, MISSING). */
    MetricComparison compare(BenchmarkResult baseline, BenchmarkResult current) {
        BenchmarkResult any = current != null ? current : baseline;
        String mode = any.mode().shortName();
        if (baseline == null || current == null) {
            return new MetricComparison(any.id(), mode, null, null, null, baseline == null ? Verdict.NEW : Verdict.MISSING);
        }
        BenchmarkScore score = new BenchmarkScore(current.mode(), current.unit());
        if (!baseline.unit().equals(current.unit())) {
            return new MetricComparison(current.id(), mode, score, null, current.score(), Verdict.INCONCLUSIVE,
                    "the baseline's unit is " + baseline.unit() + ", this run's " + current.unit() + ": re-record the baseline");
        }
        GateSettings gate = rules.settingsFor(current.id(), mode);
        Verdict byEffect = score.judge(baseline.score(), current.score(), gate.tolerancePercent());
        Decision decision = byEffect == Verdict.UNCHANGED ? Decision.UNCHANGED
                : ITERATIONS.confirm(score, baseline.iterations(), current.iterations(), byEffect, baseline.score(), current.score(), gate);
        return new MetricComparison(current.id(), mode, score, baseline.score(), current.score(), decision.verdict(), decision.note());
    }

    private static Map<JmhMode, BenchmarkResult> byMode(List<BenchmarkResult> results) {
        return results.stream().collect(Collectors.toMap(BenchmarkResult::mode, Function.identity(), (first, second) -> second));
    }
}
