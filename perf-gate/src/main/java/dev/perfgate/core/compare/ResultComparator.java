package dev.perfgate.core.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
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
    public static final String TOTAL = OperationResult.TOTAL;

    private final GateRules rules;

    /** The tolerance of the total when shared shifts are discounted; NaN when they are not. */
    private final double sharedShiftTolerancePercent;

    /** The other tests of the build, the reference of what a test cannot compare within itself. */
    private final BuildShift build;

    /** A comparator with the same settings for every test and operation. */
    public ResultComparator(GateSettings gate) {
        this(GateRules.everywhere(gate));
    }

    /** A comparator whose settings may differ per test and operation. */
    public ResultComparator(GateRules rules) {
        this(rules, Double.NaN, BuildShift.NONE);
    }

    private ResultComparator(GateRules rules, double sharedShiftTolerancePercent, BuildShift build) {
        this.rules = rules;
        this.sharedShiftTolerancePercent = sharedShiftTolerancePercent;
        this.build = build;
    }

    /**
     * A comparator that tells a run slower as a whole (its machine) from an operation that slowed. Each
     * operation with at least two others beside it in its test is judged against the median change of
     * those others ({@link SharedShift}), with the usual tolerance. What cannot be told apart from the
     * machine's speed is gated at {@code shiftTolerancePercent} at least: the total, and the operations of
     * a test with fewer than three. A metric whose tolerance was calibrated keeps it
     * ({@link GateRules#sizedFromNoise}): its measured spread already holds the shifts.
     *
     * <pre>{@code
     * ResultComparator comparator = new ResultComparator(rules).discountingSharedShift(30);
     * }</pre>
     */
    public ResultComparator discountingSharedShift(double shiftTolerancePercent) {
        if (!(shiftTolerancePercent >= 0) || Double.isInfinite(shiftTolerancePercent)) {
            throw new IllegalArgumentException("sharedShiftTolerancePercent: " + shiftTolerancePercent
                    + " must be a finite number, zero or more, e.g. 30");
        }
        return new ResultComparator(rules, shiftTolerancePercent, build);
    }

    /**
     * With shared shifts discounted: what a test cannot compare within itself (its total, an operation with
     * fewer than two others) is judged against the median change of the build's other tests
     * ({@link BuildShift}), at the shift tolerance at least, since those ran minutes earlier or later. Without
     * at least two other tests it stays gated at the shift tolerance.
     *
     * <pre>{@code
     * ResultComparator comparator = new ResultComparator(rules).discountingSharedShift(30).acrossBuild(BuildShift.of(pairs, rules));
     * }</pre>
     */
    public ResultComparator acrossBuild(BuildShift otherTests) {
        return new ResultComparator(rules, sharedShiftTolerancePercent, otherTests);
    }

    /**
     * Rows for {@code current} against {@code baseline}: the total first, then each operation by name.
     * When both runs made one and the same operation only, its rows stand alone: a total would
     * repeat them.
     */
    public List<MetricComparison> compare(LoadTestResult baseline, LoadTestResult current) {
        List<MetricComparison> rows = new ArrayList<>();
        UngatedTails tails = new UngatedTails();
        SharedShift shift = Double.isNaN(sharedShiftTolerancePercent) ? null : SharedShift.of(baseline, current, rules);
        if (!sameSingleOperation(baseline, current)) {
            compareOperation(current.testId(), TOTAL, baseline.total(), current.total(), current.plan(), tails, shift, rows);
        }
        if (current.plan() != null && current.plan().open() && baseline.iterations() != null && current.iterations() != null) {
            GateSettings gate = rules.settingsFor(current.testId(), TOTAL);
            rows.add(DroppedArrivals.DROPPED_ARRIVALS.compare(current.testId(), baseline.iterations(), current.iterations(), gate));
        }
        TreeSet<String> names = new TreeSet<>(baseline.operations().keySet());
        names.addAll(current.operations().keySet());
        for (String name : names) {
            compareOperation(current.testId(), name, baseline.operations().get(name), current.operations().get(name), current.plan(), tails,
                    shift, rows);
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
            UngatedTails tails, SharedShift shift, List<MetricComparison> rows) {
        if (baseline == null || current == null) {
            rows.add(new MetricComparison(testId, operation, null, null, null, baseline == null ? Verdict.NEW : Verdict.MISSING));
            return;
        }
        GateSettings settings = rules.settingsFor(testId, operation);
        for (Metric metric : settings.metricsFor(plan)) {
            long tail = Math.min(metric.tailSamples(baseline), metric.tailSamples(current));
            if (tails.admits(metric, operation, tail, settings)) {
                GateSettings gate = rules.settingsFor(testId, operation, metric);
                if (shift == null || !SharedShift.shifts(metric) || rules.sizedFromNoise(testId, operation, metric)) {
                    rows.add(new MetricJudge(gate).judge(testId, operation, metric, baseline, current));
                    continue;
                }
                OptionalDouble otherOperations = TOTAL.equals(operation) ? OptionalDouble.empty() : shift.of(operation, metric);
                if (otherOperations.isPresent()) {
                    rows.add(beyondOthers(testId, operation, metric, baseline, current, gate, otherOperations.getAsDouble(),
                            "the other operations"));
                    continue;
                }
                // Asked only here: it takes the medians of every other test of the build.
                OptionalDouble otherTests = build.outside(testId, metric);
                if (otherTests.isPresent()) {
                    rows.add(beyondOthers(testId, operation, metric, baseline, current, atShiftTolerance(gate), otherTests.getAsDouble(),
                            "the other tests"));
                } else {
                    rows.add(withinShift(testId, operation, metric, baseline, current, gate));
                }
            }
        }
    }

    /**
     * The row of {@code metric} judged on {@code current} taken back by the shift of {@code others} (ln of a
     * factor, worse positive), shown with the measured figures. A change beyond the others the other way than
     * the baseline itself (slower than the others' shift but faster than the baseline) is not a regression:
     * the baseline is what the build promised.
     */
    private static MetricComparison beyondOthers(String testId, String operation, Metric metric, OperationResult baseline,
            OperationResult current, GateSettings gate, double others, String whoMoved) {
        OperationResult corrected = SharedShift.withoutShift(current, metric, others);
        MetricComparison judged = new MetricJudge(gate).judge(testId, operation, metric, baseline, corrected);
        double before = metric.valueOf(baseline);
        double now = metric.valueOf(current);
        Verdict verdict = judged.verdict();
        boolean worse = metric.higherIsWorse() ? now > before : now < before;
        String remark = whoMoved + " moved " + String.format(Locale.ROOT, "%+.1f %%",
                100 * Math.expm1(metric.higherIsWorse() ? others : -others))
                + ", " + metric.formatChange(before, metric.valueOf(corrected)) + " beyond them";
        if ((verdict == Verdict.REGRESSED && !worse) || (verdict == Verdict.IMPROVED && worse)) {
            verdict = Verdict.UNCHANGED;
            remark += (worse ? ", but slower than the baseline itself" : ", but not worse than the baseline itself");
        }
        return new MetricComparison(testId, operation, metric, before, now, verdict, judged.note()).withRemark(remark);
    }

    /**
     * The row of a {@code metric} nothing in its run can tell from the machine's speed, judged at the shift
     * tolerance. A change the usual tolerance would have failed says why it passes.
     */
    private MetricComparison withinShift(String testId, String operation, Metric metric, OperationResult baseline,
            OperationResult current, GateSettings gate) {
        GateSettings shiftGate = atShiftTolerance(gate);
        double tolerance = shiftGate.tolerancePercent();
        MetricComparison row = new MetricJudge(shiftGate).judge(testId, operation, metric, baseline, current);
        // Only where the usual tolerance and floor would have failed it: then the shift alone let it pass.
        if (row.verdict() != Verdict.UNCHANGED
                || metric.judge(metric.valueOf(baseline), metric.valueOf(current), gate) != Verdict.REGRESSED) {
            return row;
        }
        String what = TOTAL.equals(operation) ? "the total" : "no other operations to compare with";
        return row.withRemark(String.format(Locale.ROOT, "within the %.0f %% a whole run may move (%s)", tolerance, what));
    }

    private GateSettings atShiftTolerance(GateSettings gate) {
        return gate.withTolerancePercent(Math.max(gate.tolerancePercent(), sharedShiftTolerancePercent));
    }

    /** Whether any row of {@code rows} has {@code verdict}. */
    public static boolean any(List<MetricComparison> rows, Verdict verdict) {
        return rows.stream().anyMatch(row -> row.verdict() == verdict);
    }

}
