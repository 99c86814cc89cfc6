package dev.perfgate.core.compare;

import static dev.perfgate.core.compare.Results.op;
import static dev.perfgate.core.compare.Results.result;
import static dev.perfgate.core.compare.Rows.regressed;
import static dev.perfgate.core.compare.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;

class SharedShiftTest {

    private static final double[] P95 = {10, 20, 30, 40};
    private static final String[] NAMES = {"a", "b", "c", "d"};

    private final ResultComparator plain = new ResultComparator(GateSettings.DEFAULT);
    private final ResultComparator discounting = new ResultComparator(GateRules.everywhere(GateSettings.DEFAULT)).discountingSharedShift(30);

    /** A run of the four operations, each one's latency times its factor and its throughput divided by it. */
    private static LoadTestResult run(double... factors) {
        Map<String, OperationResult> operations = new LinkedHashMap<>();
        double total = 0;
        for (int i = 0; i < NAMES.length; i++) {
            operations.put(NAMES[i], op(P95[i] * factors[i], 100 / factors[i], 0));
            total += P95[i] * factors[i] / NAMES.length;
        }
        return result("Shop.browse", op(40_000, total, 400 / factors[0], 0), operations);
    }

    @Test
    void aRunSlowerAsAWholePassesWhenTheSharedShiftIsDiscounted() {
        LoadTestResult baseline = run(1, 1, 1, 1);
        LoadTestResult slowMachine = run(1.2, 1.2, 1.2, 1.2);

        assertThat(regressed(plain.compare(baseline, slowMachine))).isNotEmpty();
        List<MetricComparison> rows = discounting.compare(baseline, slowMachine);
        assertThat(regressed(rows)).isEmpty();
        assertThat(row(rows, "b", Metric.P50_LATENCY).note()).contains("the other operations moved +20.0 %, +0.0 % beyond them");
    }

    @Test
    void oneOperationBeyondTheOthersRegressesAlthoughItsOwnChangeIsWithinTheTolerance() {
        LoadTestResult baseline = run(1, 1, 1, 1);
        LoadTestResult current = run(0.85, 1.08, 0.85, 0.85);   // a faster run, in which b did not get faster

        assertThat(row(plain.compare(baseline, current), "b", Metric.P50_LATENCY).verdict()).isEqualTo(Verdict.UNCHANGED);
        List<MetricComparison> rows = discounting.compare(baseline, current);
        MetricComparison b = row(rows, "b", Metric.P50_LATENCY);
        assertThat(b.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(b.note()).contains("the other operations moved -15.0 %, +27.1 % beyond them");
        assertThat(regressed(rows)).extracting(MetricComparison::operation).containsOnly("b");
    }

    @Test
    void slowerThanTheOthersButFasterThanTheBaselineIsNoRegression() {
        MetricComparison b = row(discounting.compare(run(1, 1, 1, 1), run(0.7, 0.95, 0.7, 0.7)), "b", Metric.P50_LATENCY);

        assertThat(b.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(b.note()).contains("but not worse than the baseline itself");
    }

    @Test
    void everyOperationSlowerBeyondTheSharedToleranceFailsOnTheTotal() {
        List<MetricComparison> rows = discounting.compare(run(1, 1, 1, 1), run(1.5, 1.5, 1.5, 1.5));

        assertThat(regressed(rows)).isNotEmpty().extracting(MetricComparison::operation).containsOnly(ResultComparator.TOTAL);
        assertThat(regressed(discounting.compare(run(1, 1, 1, 1), run(1.25, 1.25, 1.25, 1.25)))).isEmpty();
    }

    @Test
    void aThroughputThatFellWithTheOthersIsTheMachines() {
        List<MetricComparison> rows = discounting.compare(run(1, 1, 1, 1), run(1.2, 1.2, 1.2, 1.2));

        assertThat(row(rows, "c", Metric.THROUGHPUT).verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(row(rows, "c", Metric.THROUGHPUT).note()).contains("the other operations moved -16.7 %");
    }

    @Test
    void operationsWithTooFewOthersAreJudgedAtTheShiftTolerance() {
        LoadTestResult baseline = pair(10, 20);

        List<MetricComparison> machine = discounting.compare(baseline, pair(12, 24));
        assertThat(regressed(plain.compare(baseline, pair(12, 24)))).isNotEmpty();
        assertThat(regressed(machine)).isEmpty();
        assertThat(row(machine, "a", Metric.P95_LATENCY).note())
                .contains("within the 30 % a whole run may move (no other operations to compare with)");

        List<MetricComparison> slower = discounting.compare(baseline, pair(15, 20));
        assertThat(regressed(slower)).extracting(MetricComparison::operation).contains("a").doesNotContain("b");
    }

    @Test
    void aCalibratedMetricKeepsItsOwnToleranceAndIsJudgedOnItsOwnFigures() {
        GateRules calibratedP95 = new GateRules() {
            @Override
            public GateSettings settingsFor(String testId, String operation) {
                return GateSettings.DEFAULT;
            }

            @Override
            public boolean sizedFromNoise(String testId, String operation, Metric metric) {
                return metric == Metric.P95_LATENCY;
            }
        };
        ResultComparator comparator = new ResultComparator(calibratedP95).discountingSharedShift(30);

        List<MetricComparison> rows = comparator.compare(pair(10, 20), pair(12, 24));
        assertThat(row(rows, "a", Metric.P95_LATENCY).verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(row(rows, "a", Metric.P50_LATENCY).verdict()).isEqualTo(Verdict.UNCHANGED);
    }

    /** A run of two operations with these p95 latencies (ms). */
    private static LoadTestResult pair(double a, double b) {
        return result("Shop.browse", op(20_000, (a + b) / 2, 200, 0), Map.of("a", op(a, 100, 0), "b", op(b, 100, 0)));
    }
}
