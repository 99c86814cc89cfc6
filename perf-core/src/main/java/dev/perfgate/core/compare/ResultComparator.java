package dev.perfgate.core.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.PlanSummary;

/**
 * Compares a result with its baseline, metric by metric, for every operation and their total.
 * <ul>
 * <li>A latency percentile with too few requests beyond it is left out, said once per test
 * ({@link GateSettings#minTailSamples()}).</li>
 * <li>In the open model the arrival rate, not the app, sets throughput: it is not gated; the share of
 * dropped arrivals is ({@link DroppedArrivals}).</li>
 * <li>A total that regressed names the operations that moved most the same way.</li>
 * </ul>
 *
 * <pre>{@code
 * List<MetricComparison> rows = new ResultComparator(GateSettings.DEFAULT).compare(baseline, current);
 * boolean regressed = rows.stream().anyMatch(r -> r.verdict() == Verdict.REGRESSED);
 * }</pre>
 */
public final class ResultComparator {

    /** The operation name of the row that speaks for all operations together. */
    public static final String TOTAL = "(total)";

    private final GateRules rules;

    /** A comparator with the same settings for every test and operation. */
    public ResultComparator(GateSettings gate) {
        this(GateRules.everywhere(gate));
    }

    /** A comparator whose settings may differ per test and operation. */
    public ResultComparator(GateRules rules) {
        this.rules = rules;
    }

    /**
     * Rows for {@code current} against {@code baseline}: the total first, then each operation by name.
     * When both runs made one and the same operation only, its rows stand alone: a total would
     * repeat them.
     */
    public List<MetricComparison> compare(LoadTestResult baseline, LoadTestResult current) {
        List<MetricComparison> rows = new ArrayList<>();
        UngatedTails tails = new UngatedTails();
        if (!sameSingleOperation(baseline, current)) {
            compareOperation(current.testId(), TOTAL, baseline.total(), current.total(), current.plan(), tails, rows);
        }
        if (current.plan() != null && current.plan().open() && baseline.iterations() != null && current.iterations() != null) {
            GateSettings gate = rules.settingsFor(current.testId(), TOTAL);
            rows.add(DroppedArrivals.DROPPED_ARRIVALS.compare(current.testId(), baseline.iterations(), current.iterations(), gate));
        }
        TreeSet<String> names = new TreeSet<>(baseline.operations().keySet());
        names.addAll(current.operations().keySet());
        for (String name : names) {
            compareOperation(current.testId(), name, baseline.operations().get(name), current.operations().get(name), current.plan(), tails,
                    rows);
        }
        tails.row(current.testId()).ifPresent(rows::add);
        return rows.stream().map(row -> namingWhatMoved(row, baseline, current)).toList();
    }

    private static MetricComparison namingWhatMoved(MetricComparison row, LoadTestResult baseline, LoadTestResult current) {
        if (!TOTAL.equals(row.operation()) || row.verdict() != Verdict.REGRESSED || !(row.metric() instanceof Metric metric)) {
            return row;
        }
        String moved = OperationsThatMoved.of(metric, baseline, current);
        return moved.isEmpty() ? row : row.withRemark(moved);
    }

    private static boolean sameSingleOperation(LoadTestResult baseline, LoadTestResult current) {
        return baseline.operations().size() == 1 && baseline.operations().keySet().equals(current.operations().keySet());
    }

    /** The row for a result that has no baseline. */
    public static MetricComparison newTest(LoadTestResult current) {
        return new MetricComparison(current.testId(), TOTAL, null, null, null, Verdict.NEW);
    }

    /** The row for the baseline of {@code testId}, whose test produced no result. */
    public static MetricComparison missingTest(String testId) {
        return new MetricComparison(testId, TOTAL, null, null, null, Verdict.MISSING);
    }

    private void compareOperation(String testId, String operation, OperationResult baseline, OperationResult current, PlanSummary plan,
            UngatedTails tails, List<MetricComparison> rows) {
        if (baseline == null || current == null) {
            rows.add(new MetricComparison(testId, operation, null, null, null, baseline == null ? Verdict.NEW : Verdict.MISSING));
            return;
        }
        GateSettings settings = rules.settingsFor(testId, operation);
        MetricJudge judge = new MetricJudge(settings);
        for (Metric metric : settings.metricsFor(plan)) {
            long tail = Math.min(metric.tailSamples(baseline), metric.tailSamples(current));
            if (tails.admits(metric, operation, tail, settings)) {
                rows.add(judge.judge(testId, operation, metric, baseline, current));
            }
        }
    }

    /** Whether any row of {@code rows} has {@code verdict}. */
    public static boolean any(List<MetricComparison> rows, Verdict verdict) {
        return rows.stream().anyMatch(row -> row.verdict() == verdict);
    }

}
