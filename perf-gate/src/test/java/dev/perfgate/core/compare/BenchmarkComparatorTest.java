package dev.perfgate.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.jmh.BenchmarkResult;
import dev.perfgate.core.jmh.JmhMode;

class BenchmarkComparatorTest {

    private final BenchmarkComparator comparator = new BenchmarkComparator(GateRules.everywhere(GateSettings.DEFAULT));

    /** 2 forks x 5 iterations scattering by +-1 % around {@code score}, in an order that interleaves them. */
    static BenchmarkResult result(JmhMode mode, String unit, double score) {
        double[] iterations = new double[10];
        for (int i = 0; i < iterations.length; i++) {
            iterations[i] = score * (1 + 0.01 * (((i * 3) % 10) - 4.5) / 4.5);
        }
        return new BenchmarkResult("com.example.ParseBenchmark.parse", mode, new TreeMap<>(Map.of("size", "10")), unit, score,
                iterations, 2, "Test JVM", null);
    }

    @Test
    void slowerAverageTimeRegresses() {
        MetricComparison row = comparator.compare(List.of(result(JmhMode.AVERAGE_TIME, "us/op", 10)),
                List.of(result(JmhMode.AVERAGE_TIME, "us/op", 12))).get(0);

        assertThat(row.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(row.testId()).isEqualTo("ParseBenchmark.parse[size=10]");
        assertThat(row.operation()).isEqualTo("avgt");
        assertThat(row.describe()).isEqualTo("ParseBenchmark.parse[size=10] avgt: score 10.000 us/op -> 12.000 us/op (+20.0 %, p=" + row.note().substring(2) + ")");
        assertThat(row.note()).startsWith("p=");
    }

    @Test
    void lowerThroughputRegressesAndHigherImproves() {
        MetricComparison fewer = comparator.compare(List.of(result(JmhMode.THROUGHPUT, "ops/s", 5_000)),
                List.of(result(JmhMode.THROUGHPUT, "ops/s", 4_000))).get(0);
        MetricComparison more = comparator.compare(List.of(result(JmhMode.THROUGHPUT, "ops/s", 5_000)),
                List.of(result(JmhMode.THROUGHPUT, "ops/s", 6_000))).get(0);

        assertThat(fewer.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(fewer.format(fewer.current())).isEqualTo("4,000 ops/s");
        assertThat(more.verdict()).isEqualTo(Verdict.IMPROVED);
    }

    @Test
    void fasterTimeImprovesAndASmallMoveIsUnchanged() {
        assertThat(comparator.compare(List.of(result(JmhMode.SAMPLE_TIME, "ns/op", 100)),
                List.of(result(JmhMode.SAMPLE_TIME, "ns/op", 80))).get(0).verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(comparator.compare(List.of(result(JmhMode.AVERAGE_TIME, "ns/op", 100)),
                List.of(result(JmhMode.AVERAGE_TIME, "ns/op", 105))).get(0).verdict()).isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void aShiftBeyondTheToleranceThatTheIterationsDoNotConfirmIsInconclusive() {
        BenchmarkResult baseline = result(JmhMode.AVERAGE_TIME, "us/op", 10);
        // Same mean shift of +15 %, but the iterations scatter from 5 to 20: the rank test cannot tell.
        BenchmarkResult noisy = new BenchmarkResult(baseline.benchmark(), JmhMode.AVERAGE_TIME, baseline.params(), "us/op", 11.5,
                new double[] { 5, 20, 9.9, 10.1, 5.5, 19, 9.8, 10.2, 6, 19.5 }, 2, "Test JVM", null);

        MetricComparison row = comparator.compare(List.of(baseline), List.of(noisy)).get(0);

        assertThat(row.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(row.note()).contains("across 10 iterations");
    }

    @Test
    void tooFewIterationsAreInconclusiveWithWhatToChange() {
        BenchmarkResult baseline = result(JmhMode.AVERAGE_TIME, "us/op", 10);
        BenchmarkResult short_ = new BenchmarkResult(baseline.benchmark(), JmhMode.AVERAGE_TIME, baseline.params(), "us/op", 20,
                new double[] { 20, 20.1, 19.9 }, 1, "Test JVM", null);

        MetricComparison row = comparator.compare(List.of(baseline), List.of(short_)).get(0);

        assertThat(row.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(row.note()).isEqualTo("this run has 3 iterations, fewer than 4: run at least 4 measurement iterations (forks x iterations)");
    }

    @Test
    void aModeOnOneSideOnlyIsNewOrMissing() {
        List<MetricComparison> rows = comparator.compare(List.of(result(JmhMode.THROUGHPUT, "ops/s", 10)),
                List.of(result(JmhMode.AVERAGE_TIME, "us/op", 10)));

        assertThat(rows).extracting(MetricComparison::operation, MetricComparison::verdict)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("thrpt", Verdict.MISSING),
                        org.assertj.core.groups.Tuple.tuple("avgt", Verdict.NEW));
    }

    @Test
    void aChangedUnitIsNotComparedAsIfItWereTheSame() {
        MetricComparison row = comparator.compare(List.of(result(JmhMode.AVERAGE_TIME, "ns/op", 10_000)),
                List.of(result(JmhMode.AVERAGE_TIME, "us/op", 10))).get(0);

        assertThat(row.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(row.note()).contains("ns/op").contains("us/op").contains("re-record");
    }

    @Test
    void theToleranceOfAMatchingRuleApplies() {
        BenchmarkComparator loose = new BenchmarkComparator((testId, operation) -> testId.startsWith("ParseBenchmark")
                ? GateSettings.DEFAULT.withTolerancePercent(50) : GateSettings.DEFAULT);

        assertThat(loose.compare(List.of(result(JmhMode.AVERAGE_TIME, "us/op", 10)),
                List.of(result(JmhMode.AVERAGE_TIME, "us/op", 12))).get(0).verdict()).isEqualTo(Verdict.UNCHANGED);
    }
}
