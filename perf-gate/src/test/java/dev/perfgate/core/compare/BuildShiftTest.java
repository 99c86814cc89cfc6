package dev.perfgate.core.compare;

import static dev.perfgate.core.compare.Results.op;
import static dev.perfgate.core.compare.Results.result;
import static dev.perfgate.core.compare.Rows.regressed;
import static dev.perfgate.core.compare.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;

class BuildShiftTest {

    private static final GateRules RULES = GateRules.everywhere(GateSettings.DEFAULT);

    /** A test of one operation whose p95 latency is {@code p95} ms. */
    private static LoadTestResult single(String testId, double p95) {
        return result(testId, op(p95, 100, 0), Map.of("get", op(p95, 100, 0)));
    }

    /** A test of four operations, 10 to 40 ms at p95, each slower by {@code factor}. */
    private static LoadTestResult four(String testId, double factor) {
        Map<String, OperationResult> operations = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            operations.put("op" + i, op(10 * i * factor, 100, 0));
        }
        return result(testId, op(40_000, 25 * factor, 400, 0), operations);
    }

    /** The rows of {@code testId} when each test's baseline is its figures times 1 and this build's are times {@code factors}. */
    private static List<MetricComparison> gate(String testId, Map<String, Double> factors) {
        List<BuildShift.Pair> pairs = new ArrayList<>();
        factors.forEach((id, factor) -> pairs.add(id.startsWith("Four")
                ? new BuildShift.Pair(four(id, 1), four(id, factor))
                : new BuildShift.Pair(single(id, 10), single(id, 10 * factor))));
        ResultComparator comparator = new ResultComparator(RULES).discountingSharedShift(30).acrossBuild(BuildShift.of(pairs, RULES));
        BuildShift.Pair pair = pairs.stream().filter(p -> p.current().testId().equals(testId)).findFirst().orElseThrow();
        return comparator.compare(pair.baseline(), pair.current());
    }

    @Test
    void aSingleOperationSlowerWithTheWholeBuildPasses() {
        Map<String, Double> slowMachine = Map.of("A.get", 2.6, "B.get", 2.2, "C.get", 2.0, "Four.mix", 2.1);

        List<MetricComparison> rows = gate("A.get", slowMachine);

        assertThat(regressed(rows)).isEmpty();
        assertThat(row(rows, "get", Metric.P50_LATENCY).note()).contains("the other tests moved +110.0 %, +23.8 % beyond them");
    }

    @Test
    void aSingleOperationSlowerBeyondTheOtherTestsRegresses() {
        Map<String, Double> oneHandler = Map.of("A.get", 1.5, "B.get", 1.0, "C.get", 1.05, "Four.mix", 0.95);

        List<MetricComparison> rows = gate("A.get", oneHandler);

        assertThat(regressed(rows)).extracting(MetricComparison::metric).contains(Metric.P50_LATENCY, Metric.P95_LATENCY);
        assertThat(regressed(gate("B.get", oneHandler))).isEmpty();
    }

    @Test
    void aTotalIsJudgedAgainstTheOtherTests() {
        assertThat(regressed(gate("Four.mix", Map.of("A.get", 1.9, "B.get", 2.0, "Four.mix", 2.0)))).isEmpty();

        List<MetricComparison> alone = gate("Four.mix", Map.of("A.get", 1.0, "B.get", 1.0, "Four.mix", 2.0));
        assertThat(regressed(alone)).extracting(MetricComparison::operation).containsOnly(ResultComparator.TOTAL);
    }

    @Test
    void oneOtherTestIsNoReference() {
        List<MetricComparison> rows = gate("A.get", Map.of("A.get", 2.0, "B.get", 2.0));

        assertThat(regressed(rows)).isNotEmpty();
        assertThat(row(rows, "get", Metric.P50_LATENCY).note()).doesNotContain("the other tests");
    }

    @Test
    void aFasterBuildDoesNotMakeAnUnchangedTestRegress() {
        List<MetricComparison> rows = gate("A.get", Map.of("A.get", 1.0, "B.get", 0.5, "C.get", 0.5));

        assertThat(regressed(rows)).isEmpty();
        assertThat(row(rows, "get", Metric.P50_LATENCY).note()).contains("but not worse than the baseline itself");
    }
}
