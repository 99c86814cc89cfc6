package dev.perfgate.core.compare;

import static dev.perfgate.core.compare.Results.op;
import static dev.perfgate.core.compare.Results.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.result.IterationResult;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.PlanSummary;

class ResultComparatorTest {

    private final ResultComparator comparator = new ResultComparator(GateSettings.DEFAULT);

    @Test
    void totalComesFirstThenOperationsByName() {
        Map<String, OperationResult> ops = new LinkedHashMap<>();
        ops.put("POST /z", op(10, 100, 0));
        ops.put("GET /b", op(10, 100, 0));
        ops.put("GET /a", op(10, 100, 0));
        LoadTestResult run = result("T.t", op(10, 300, 0), ops);

        List<MetricComparison> rows = comparator.compare(run, run);

        assertThat(rows).extracting(MetricComparison::operation).containsExactly(
                ResultComparator.TOTAL, ResultComparator.TOTAL, ResultComparator.TOTAL, ResultComparator.TOTAL, ResultComparator.TOTAL,
                "GET /a", "GET /a", "GET /a", "GET /a", "GET /a",
                "GET /b", "GET /b", "GET /b", "GET /b", "GET /b",
                "POST /z", "POST /z", "POST /z", "POST /z", "POST /z");
        assertThat(rows.subList(0, 5)).extracting(MetricComparison::metric)
                .containsExactly(Metric.P50_LATENCY, Metric.P95_LATENCY, Metric.P99_LATENCY, Metric.THROUGHPUT, Metric.ERROR_RATE);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.testId()).isEqualTo("T.t");
            assertThat(row.verdict()).isEqualTo(Verdict.UNCHANGED);
        });
    }

    @Test
    void judgesEachMetricAgainstItsBaseline() {
        LoadTestResult baseline = result("T.t", op(10, 1000, 0), Map.of("GET /a", op(10, 1000, 0), "GET /b", op(10, 1000, 0)));
        LoadTestResult current = result("T.t", op(10, 1000, 0), Map.of("GET /a", op(20, 700, 0.05), "GET /b", op(10, 1000, 0)));

        List<MetricComparison> rows = comparator.compare(baseline, current);

        assertThat(rows).filteredOn(row -> row.operation().equals("GET /a"))
                .extracting(MetricComparison::metric, MetricComparison::baseline, MetricComparison::current, MetricComparison::verdict)
                .containsExactly(
                        tuple(Metric.P50_LATENCY, 5.0, 10.0, Verdict.REGRESSED),
                        tuple(Metric.P95_LATENCY, 10.0, 20.0, Verdict.REGRESSED),
                        tuple(Metric.P99_LATENCY, 10.0, 20.0, Verdict.REGRESSED),
                        tuple(Metric.THROUGHPUT, 1000.0, 700.0, Verdict.REGRESSED),
                        tuple(Metric.ERROR_RATE, 0.0, 0.05, Verdict.REGRESSED));
        assertThat(ResultComparator.any(rows, Verdict.REGRESSED)).isTrue();
        assertThat(ResultComparator.any(rows.subList(0, 5), Verdict.REGRESSED)).isFalse();
    }

    @Test
    void aSingleOperationStandsAloneWithoutARepeatedTotal() {
        LoadTestResult baseline = result("T.t", op(10, 1000, 0), Map.of("item", op(10, 1000, 0)));
        LoadTestResult current = result("T.t", op(20, 1000, 0), Map.of("item", op(20, 1000, 0)));

        List<MetricComparison> rows = comparator.compare(baseline, current);

        assertThat(rows).extracting(MetricComparison::operation).containsOnly("item").hasSize(5);
        assertThat(rows.get(0).verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(comparator.compare(baseline, result("T.t", op(20, 1000, 0), Map.of("other", op(20, 1000, 0)))))
                .extracting(MetricComparison::operation).contains(ResultComparator.TOTAL, "item", "other");
    }

    @Test
    void percentilesRestingOnTooFewRequestsAreLeftOutAndSaidOnceForTheTest() {
        // 2,000 requests: 100 lie beyond p95 (gated), 20 beyond p99 (fewer than the 50 required); 1,000: 10 beyond p99.
        LoadTestResult baseline = result("T.t", op(2_000, 10, 1000, 0), Map.of("a", op(1_000, 10, 500, 0), "b", op(1_000, 10, 500, 0)));
        LoadTestResult current = result("T.t", op(2_000, 20, 1000, 0), Map.of("a", op(1_000, 20, 500, 0), "b", op(1_000, 10, 500, 0)));

        List<MetricComparison> rows = comparator.compare(baseline, current);

        assertThat(rows).filteredOn(row -> row.metric() == Metric.P99_LATENCY).isEmpty();
        assertThat(rows).filteredOn(row -> row.operation().equals("a")).extracting(MetricComparison::metric, MetricComparison::verdict)
                .containsExactly(
                        tuple(Metric.P50_LATENCY, Verdict.REGRESSED),
                        tuple(Metric.P95_LATENCY, Verdict.REGRESSED),
                        tuple(Metric.THROUGHPUT, Verdict.UNCHANGED),
                        tuple(Metric.ERROR_RATE, Verdict.UNCHANGED));
        assertThat(rows).filteredOn(row -> row.metric() == null).singleElement().satisfies(row -> {
            assertThat(row.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(row.operation()).isEqualTo(ResultComparator.TOTAL);
            assertThat(row.note()).contains("not gated", "p99 of (total) (20), a (10), b (10)", "p99 5000 requests", "run longer");
        });
        assertThat(rows.get(rows.size() - 1).metric()).as("the test's last row").isNull();
    }

    @Test
    void theSmallerRunDecidesWhetherAPercentileHasEnoughTail() {
        LoadTestResult big = result("T.t", op(100_000, 10, 1000, 0), Map.of());
        LoadTestResult small = result("T.t", op(4_000, 20, 1000, 0), Map.of());

        assertThat(comparator.compare(big, small)).extracting(MetricComparison::metric).doesNotContain(Metric.P99_LATENCY);
        assertThat(comparator.compare(small, big)).extracting(MetricComparison::metric).doesNotContain(Metric.P99_LATENCY);
        assertThat(new ResultComparator(new GateSettings(10, 1, 1, 0)).compare(big, small))
                .filteredOn(row -> row.metric() == Metric.P99_LATENCY).singleElement()
                .extracting(MetricComparison::verdict).isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void aTotalThatRegressedNamesTheOperationsThatMovedMostFirst() {
        LoadTestResult baseline = result("T.t", op(10, 3000, 0),
                Map.of("list", op(10, 1000, 0), "view", op(10, 1000, 0), "home", op(10, 1000, 0)));
        LoadTestResult current = result("T.t", op(14, 3000, 0),
                Map.of("list", op(12, 1000, 0), "view", op(18, 1000, 0), "home", op(9, 1000, 0)));

        List<MetricComparison> rows = comparator.compare(baseline, current);

        assertThat(rows).filteredOn(row -> row.operation().equals(ResultComparator.TOTAL) && row.metric() == Metric.P95_LATENCY)
                .singleElement().satisfies(row -> {
                    assertThat(row.verdict()).isEqualTo(Verdict.REGRESSED);
                    assertThat(row.note()).contains("moved most: view +80.0 %, list +20.0 %").doesNotContain("home");
                });
        assertThat(rows).filteredOn(row -> !row.operation().equals(ResultComparator.TOTAL)).allSatisfy(row ->
                assertThat(row.note()).doesNotContain("moved most"));
    }

    @Test
    void anOpenModelTestGatesDroppedArrivalsInsteadOfThroughput() {
        LoadTestResult baseline = open(result("T.t", op(10, 1000, 0), Map.of("a", op(10, 600, 0), "b", op(10, 400, 0))),
                new IterationResult(9_990, 10_000, 10, 99.9, 100));
        LoadTestResult current = open(result("T.t", op(10, 800, 0), Map.of("a", op(10, 450, 0), "b", op(10, 350, 0))),
                new IterationResult(8_000, 10_000, 2_000, 80, 100));

        List<MetricComparison> rows = comparator.compare(baseline, current);

        assertThat(rows).extracting(MetricComparison::metric).doesNotContain(Metric.THROUGHPUT);
        assertThat(rows).filteredOn(row -> row.metric() == DroppedArrivals.DROPPED_ARRIVALS).singleElement().satisfies(row -> {
            assertThat(row.operation()).isEqualTo(ResultComparator.TOTAL);
            assertThat(row.verdict()).isEqualTo(Verdict.REGRESSED);
            assertThat(row.change()).isEqualTo("+19.90 pp");
            assertThat(row.describe()).contains("dropped arrivals 0.10 % -> 20.00 %");
        });
        LoadTestResult unchanged = open(current, new IterationResult(9_985, 10_000, 15, 99.85, 100));
        assertThat(comparator.compare(baseline, unchanged)).filteredOn(row -> row.metric() == DroppedArrivals.DROPPED_ARRIVALS)
                .singleElement().extracting(MetricComparison::verdict).isEqualTo(Verdict.UNCHANGED);
    }

    /** {@code result} as an open-model run at 100 arrivals per second that started and dropped as {@code iterations} says. */
    private static LoadTestResult open(LoadTestResult result, IterationResult iterations) {
        PlanSummary plan = new PlanSummary("open", 0, "0s", "1m40s", "10s", "0s", List.of(new PlanSummary.ArrivalStage(100, 100, "1m40s")), 64, 0);
        return new LoadTestResult(result.schemaVersion(), result.testId(), result.status(), result.statusReason(), result.startedAt(), plan,
                null, iterations, result.total(), result.operations(), null);
    }

    @Test
    void operationOnlyInCurrentIsNewAndOnlyInBaselineIsMissing() {
        LoadTestResult baseline = result("T.t", op(10, 100, 0), Map.of("GET /old", op(10, 100, 0), "GET /kept", op(10, 100, 0)));
        LoadTestResult current = result("T.t", op(10, 100, 0), Map.of("GET /new", op(10, 100, 0), "GET /kept", op(10, 100, 0)));

        List<MetricComparison> rows = comparator.compare(baseline, current);

        assertThat(rows).filteredOn(row -> row.operation().equals("GET /new"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.verdict()).isEqualTo(Verdict.NEW);
                    assertThat(row.metric()).isNull();
                });
        assertThat(rows).filteredOn(row -> row.operation().equals("GET /old"))
                .singleElement()
                .satisfies(row -> assertThat(row.verdict()).isEqualTo(Verdict.MISSING));
        assertThat(rows).filteredOn(row -> row.operation().equals("GET /kept")).hasSize(5);
        assertThat(rows).extracting(MetricComparison::operation).containsSubsequence(
                ResultComparator.TOTAL, "GET /kept", "GET /new", "GET /old");
    }

    @Test
    void wholeTestRowsForNewAndMissingTests() {
        LoadTestResult run = result("T.t", op(10, 100, 0), Map.of());

        assertThat(ResultComparator.newTest(run))
                .isEqualTo(new MetricComparison("T.t", ResultComparator.TOTAL, null, null, null, Verdict.NEW));
        assertThat(ResultComparator.missingTest(run.testId()).verdict()).isEqualTo(Verdict.MISSING);
        assertThat(ResultComparator.newTest(run).describe()).isEqualTo("T.t (total): NEW");
    }

    @Test
    void describeNamesTestOperationMetricValuesAndChange() {
        MetricComparison row = new MetricComparison("GreetingIT.greet", "GET /api", Metric.P95_LATENCY, 1.2, 9.8, Verdict.REGRESSED);

        assertThat(row.describe()).isEqualTo("GreetingIT.greet GET /api: p95 latency 1.200 ms -> 9.800 ms (+716.7 %)");
    }
}
