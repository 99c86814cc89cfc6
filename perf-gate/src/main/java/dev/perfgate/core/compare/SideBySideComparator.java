package dev.perfgate.core.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.SideBySideResult;
import dev.perfgate.core.result.TrialResult;
import dev.perfgate.core.stats.Holm;

/**
 * Decides a side-by-side run on its own pairs of trials, without a stored baseline's figures: per
 * metric of each operation, the worse-positive difference of each pair (e.g. {@code ln(B / A)} of the
 * p95), a Hodges-Lehmann estimate of the change with its interval, and a one-sided exact Wilcoxon
 * signed-rank test whose p-values are Holm-corrected across the gated metrics of the test (all but those on
 * which every pair is equal, e.g. an error rate of 0 on both sides: they can never be significant). When the
 * run measured several instances of each version ({@code @SideBySide(instances)}), the instances are
 * the units instead: each one's mean difference over its pairs, their mean and a one-sample t test
 * (see {@link PairedEvidence}). A latency percentile is gated only where the trials of each version hold
 * {@link GateSettings#minTailSamples()} requests beyond it together; in the open model throughput is not.
 *
 * <ul>
 * <li>REGRESSED: "B is worse" is significant after the correction and the estimate is at least the
 * minimum effect (the gate's tolerance). The latency floor of a committed baseline does not apply: the
 * pairs measure both versions on the same machine state, so their interval, not a constant, says
 * what is noise;</li>
 * <li>IMPROVED: the same the other way;</li>
 * <li>UNCHANGED: significant but smaller than the minimum effect, or not significant with enough units
 * (pairs, or instances) to have seen the minimum effect;</li>
 * <li>INCONCLUSIVE, "underpowered": not significant, and the units are too noisy for their number;
 * the note says about how many would detect the minimum effect with 80 % power.</li>
 * </ul>
 *
 * <pre>{@code
 * List<MetricComparison> rows = new SideBySideComparator(GateSettings.DEFAULT.withTolerancePercent(3)).compare(result);
 * }</pre>
 */
public final class SideBySideComparator {

    private final GateRules rules;

    /** A comparator with the same settings for every test and operation. */
    public SideBySideComparator(GateSettings gate) {
        this(GateRules.everywhere(gate));
    }

    /** A comparator whose settings may differ per test and operation. */
    public SideBySideComparator(GateRules rules) {
        this.rules = rules;
    }

    /** Whether {@code result} carries side-by-side trials this comparator can decide on. */
    public static boolean applies(LoadTestResult result) {
        return result.sideBySide() != null && !result.sideBySide().trials().isEmpty();
    }

    /**
     * Rows for the reference (as baseline) against this build (as current) of {@code result}: the
     * total first, then each operation by name, as {@link ResultComparator#compare} orders them.
     *
     * @throws IllegalArgumentException when {@code result} has no side-by-side trials
     */
    public List<MetricComparison> compare(LoadTestResult result) {
        if (!applies(result)) {
            throw new IllegalArgumentException(result.testId() + ": the result has no side-by-side trials");
        }
        SideBySideResult trials = result.sideBySide();
        List<TrialResult[]> pairs = trials.completePairs();
        List<Row> rows = new ArrayList<>();
        UngatedTails tails = new UngatedTails();
        for (String operation : operationsOf(trials)) {
            GateSettings gate = rules.settingsFor(result.testId(), operation);
            for (Metric metric : gate.metricsFor(result.plan())) {
                if (tails.admits(metric, operation, tailOf(metric, operation, pairs), gate)) {
                    rows.add(rowOf(result.testId(), operation, metric, gate, pairs));
                }
            }
        }
        // A metric on which every unit is equal (no errors on either side, typically) has p = 1 both ways, whatever
        // the data: it can never be significant, so it is left out of the correction rather than dilute the
        // others' (Tarone 1990: hypotheses that cannot reach the level do not count in the family).
        List<Row> tested = rows.stream().filter(Row::testable).toList();
        double[] worse = Holm.adjust(tested.stream().mapToDouble(r -> r.evidence.pWorse()).toArray());
        double[] better = Holm.adjust(tested.stream().mapToDouble(r -> r.evidence.pBetter()).toArray());
        List<MetricComparison> decided = new ArrayList<>();
        int at = 0; // rows and tested keep the same order
        for (Row row : rows) {
            if (row.testable()) {
                decided.add(row.decide(worse[at], better[at], tested.size()));
                at++;
            } else {
                decided.add(row.decide(1, 1, 0));
            }
        }
        tails.row(result.testId()).ifPresent(decided::add);
        return decided;
    }

    /** The successful requests beyond {@code metric} over all complete pairs, on the side that has fewer. */
    private static long tailOf(Metric metric, String operation, List<TrialResult[]> pairs) {
        long[] sides = new long[2];
        for (TrialResult[] pair : pairs) {
            for (int side = 0; side < 2; side++) {
                OperationResult figures = pair[side].figuresOf(operation, ResultComparator.TOTAL);
                sides[side] += figures == null ? 0 : metric.tailSamples(figures);
            }
        }
        return Math.min(sides[0], sides[1]);
    }

    /** The operations the trials made, after their total unless there is one only. */
    private static List<String> operationsOf(SideBySideResult trials) {
        TreeSet<String> made = new TreeSet<>();
        trials.trials().forEach(trial -> made.addAll(trial.operations().keySet()));
        List<String> names = new ArrayList<>();
        if (made.size() != 1) {
            names.add(ResultComparator.TOTAL);
        }
        names.addAll(made);
        return names;
    }

    private static Row rowOf(String testId, String operation, Metric metric, GateSettings gate, List<TrialResult[]> pairs) {
        List<double[]> values = new ArrayList<>();
        List<Integer> instances = new ArrayList<>();
        for (TrialResult[] pair : pairs) {
            OperationResult a = pair[0].figuresOf(operation, ResultComparator.TOTAL);
            OperationResult b = pair[1].figuresOf(operation, ResultComparator.TOTAL);
            if (a != null && b != null) {
                values.add(new double[] {metric.valueOf(a), metric.valueOf(b)});
                instances.add(pair[0].instance());
            }
        }
        double[] a = values.stream().mapToDouble(v -> v[0]).toArray();
        double[] b = values.stream().mapToDouble(v -> v[1]).toArray();
        int[] instanceOf = instances.stream().mapToInt(Integer::intValue).toArray();
        return new Row(testId, operation, metric, gate, PairedEvidence.of(metric, a, b, instanceOf, gate.significance()));
    }

    /** One metric of one operation, decided once the p-values of all are known. */
    private record Row(String testId, String operation, Metric metric, GateSettings gate, PairedEvidence evidence) {

        /** Whether the row could be significant at all: it has units, and they are not all equal to 0. */
        boolean testable() {
            return evidence != null && !evidence.allZero();
        }

        MetricComparison decide(double pWorse, double pBetter, int family) {
            if (evidence == null) {
                return new MetricComparison(testId, operation, metric, null, null, Verdict.INCONCLUSIVE,
                        "no pair where both versions had a successful request");
            }
            double effect = PairedScale.minimumEffect(metric, gate);
            double estimate = evidence.estimate();
            String correction = family == 0 ? "every difference 0: not counted in the Holm correction"
                    : "Holm, " + family + (family == 1 ? " metric" : " metrics");
            String note = PairedScale.format(metric, estimate) + " " + PairedScale.formatInterval(metric, evidence.lower(),
                    evidence.upper()) + ", p=" + RepeatedMeasurements.formatP(Math.min(pWorse, pBetter)) + " (" + correction
                    + "), " + evidence.units() + (evidence.unusable() > 0 ? " (" + evidence.unusable()
                    + " without a successful request left out)" : "");
            double alpha = gate.significance();
            if (pWorse < alpha && estimate >= effect) {
                return row(Verdict.REGRESSED, note);
            }
            if (pBetter < alpha && -estimate >= effect) {
                return row(Verdict.IMPROVED, note);
            }
            if (pWorse < alpha || pBetter < alpha) {
                return row(Verdict.UNCHANGED, note + "; significant but within the minimum effect (" + PairedScale.format(metric, effect) + ")");
            }
            int needed = evidence.unitsNeeded(effect, alpha / Math.max(family, 1));
            int have = evidence.byInstance() ? evidence.instances() : evidence.pairs();
            if (needed > have) {
                return row(Verdict.INCONCLUSIVE, note + "; underpowered: about " + needed + " " + evidence.unitName() + " would detect "
                        + PairedScale.format(metric, effect) + " (80 % power)");
            }
            return row(Verdict.UNCHANGED, note);
        }

        private MetricComparison row(Verdict verdict, String note) {
            return new MetricComparison(testId, operation, metric, evidence.reference(), evidence.candidate(), verdict, note);
        }
    }
}
