package dev.perfgate.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.result.LatencySummary;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.PlanSummary;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.SideBySideResult;
import dev.perfgate.core.result.TrialResult;
import dev.perfgate.core.stats.WilcoxonSignedRank;

class SideBySideComparatorTest {

    /**
     * 3 % minimum effect: what a side-by-side test of a fast service would set. The simulated median moves
     * with the p95, so it is left out: the Holm counts below are those of p95, p99, throughput and errors.
     */
    private static final GateSettings GATE = new GateSettings(3, 0, 1, 50, 0.05)
            .withMetrics(Set.of(Metric.P95_LATENCY, Metric.P99_LATENCY, Metric.THROUGHPUT, Metric.ERROR_RATE));

    @Test
    void aConsistentSlowdownOfTenPercentIsARegressionDespiteLargeNoiseBetweenPairs() {
        // Each pair runs on a machine 15 % faster or slower than the next (one draw for both trials),
        // each trial adds 1 % of its own: the pairs' ratio still shows the 10 %.
        List<MetricComparison> rows = new SideBySideComparator(GATE).compare(simulated(new Random(1), 10, 0.10, 0.15, 0.01, 0, 0));

        assertThat(row(rows, Metric.P95_LATENCY).verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(row(rows, Metric.P95_LATENCY).note()).startsWith("+10.").contains("p=", "(Holm, 3 metrics)", "10 pairs");
        assertThat(row(rows, Metric.THROUGHPUT).verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(row(rows, Metric.THROUGHPUT).note()).startsWith("-9.");
        assertThat(row(rows, Metric.ERROR_RATE).verdict()).isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void aMetricOnWhichEveryPairIsEqualIsLeftOutOfTheHolmCorrection() {
        // 5 pairs all 10 % slower: the exact signed-rank p is 1/32. Holm over p95 and an error rate of 0 on both
        // sides would make it 1/16, above 0.05; the error rate can never be significant, so the p95 stands alone.
        GateSettings p95AndErrors = GATE.withMetrics(Set.of(Metric.P95_LATENCY, Metric.ERROR_RATE));
        List<MetricComparison> rows = new SideBySideComparator(p95AndErrors).compare(simulated(new Random(6), 5, 0.10, 0.15, 0.01, 0, 0));

        assertThat(row(rows, Metric.P95_LATENCY).verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(row(rows, Metric.P95_LATENCY).note()).contains("p=0.031", "(Holm, 1 metric)");
        assertThat(row(rows, Metric.ERROR_RATE).verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(row(rows, Metric.ERROR_RATE).note()).contains("every difference 0: not counted in the Holm correction");
    }

    @Test
    void errorsThatDifferBetweenTheVersionsCountInTheHolmCorrection() {
        List<MetricComparison> rows = new SideBySideComparator(GATE).compare(simulated(new Random(5), 10, 0, 0.05, 0.01, 0, 0.05));

        assertThat(row(rows, Metric.P95_LATENCY).note()).contains("(Holm, 4 metrics)");
    }

    @Test
    void aSpeedUpIsAnImprovementAndFailsNothing() {
        List<MetricComparison> rows = new SideBySideComparator(GATE).compare(simulated(new Random(2), 10, -0.10, 0.15, 0.01, 0, 0));

        assertThat(row(rows, Metric.P95_LATENCY).verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(row(rows, Metric.THROUGHPUT).verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(ResultComparator.any(rows, Verdict.REGRESSED)).isFalse();
    }

    @Test
    void aSignificantChangeSmallerThanTheMinimumEffectIsUnchanged() {
        List<MetricComparison> rows = new SideBySideComparator(GATE).compare(simulated(new Random(3), 12, 0.01, 0.15, 0.001, 0, 0));

        assertThat(row(rows, Metric.P95_LATENCY).verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(row(rows, Metric.P95_LATENCY).note()).contains("significant but within the minimum effect (+3.0 %");
    }

    @Test
    void noisyPairsAreUnderpoweredWithTheNumberOfPairsThatWouldTell() {
        // 20 % noise per trial: the differences spread by about 0.28; a 3 % effect (0.0296) at 0.05 / 4
        // with 80 % power needs about pi/3 (3.08 x 0.28 / 0.0296)^2 = 890 pairs.
        List<MetricComparison> rows = new SideBySideComparator(GATE).compare(simulated(new Random(4), 10, 0.0, 0.05, 0.20, 0, 0));

        MetricComparison p95 = row(rows, Metric.P95_LATENCY);
        assertThat(p95.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(p95.note()).contains("underpowered: about ").contains(" pairs would detect +3.0 % (80 % power)");
        int needed = Integer.parseInt(p95.note().replaceAll(".*about (\\d+) pairs.*", "$1"));
        assertThat(needed).isBetween(300, 2500);
    }

    @Test
    void errorsAppearingInTheCandidateAreARegressionOnTheirDifference() {
        List<MetricComparison> rows = new SideBySideComparator(GATE).compare(simulated(new Random(5), 10, 0, 0.05, 0.01, 0, 0.05));

        assertThat(row(rows, Metric.ERROR_RATE).verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(row(rows, Metric.ERROR_RATE).note()).startsWith("+5.00 pp");
    }

    @Test
    void theLatencyFloorOfCommittedBaselinesDoesNotHideASlowdownThePairsMeasured() {
        GateSettings withFloor = new GateSettings(3, 20, 1, 50, 0.05); // the simulated p95 is about 10 ms: +10 % is 1 ms
        List<MetricComparison> rows = new SideBySideComparator(withFloor).compare(simulated(new Random(1), 10, 0.10, 0.15, 0.01, 0, 0));

        assertThat(row(rows, Metric.P95_LATENCY).verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(row(rows, Metric.P50_LATENCY).verdict()).isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void aPercentileIsGatedOnlyWhereTheTrialsOfEachVersionHoldEnoughRequestsBeyondIt() {
        // 8 pairs of 300 requests: 8 x 3 = 24 beyond p99 on each side, fewer than 50; 8 x 15 = 120 beyond p95.
        List<TrialResult> trials = new ArrayList<>();
        Random random = new Random(15);
        for (int pair = 0; pair < 8; pair++) {
            for (int position = 0; position < 2; position++) {
                double factor = Math.exp(random.nextGaussian() * 0.05);
                trials.add(trial(pair, 0, position == 0 ? SideBySideResult.REFERENCE : SideBySideResult.CANDIDATE, position, 300,
                        10 * factor, 300 / factor, 0));
            }
        }
        List<MetricComparison> rows = new SideBySideComparator(GateSettings.DEFAULT).compare(result(new SideBySideResult("A", "B", 1, "1s", trials)));

        assertThat(rows).extracting(MetricComparison::metric).contains(Metric.P50_LATENCY, Metric.P95_LATENCY).doesNotContain(Metric.P99_LATENCY);
        assertThat(rows).filteredOn(r -> r.metric() == null).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(r.note()).contains("not gated", "p99 of GET / (24)", "p99 5000 requests");
        });
    }

    @Test
    void anOpenModelRunGatesNoThroughputBecauseTheScheduleSetsItForBothVersions() {
        LoadTestResult closed = simulated(new Random(16), 10, 0.10, 0.15, 0.01, 0, 0);
        LoadTestResult open = new LoadTestResult(closed.schemaVersion(), closed.testId(), closed.status(), null, closed.startedAt(),
                new PlanSummary("open", 0, "0s", "10s", "10s", "0s", List.of(new PlanSummary.ArrivalStage(50, 50, "10s")), 64, 0), null, null, closed.total(),
                closed.operations(), null, null, List.of(), null, null, closed.sideBySide());

        assertThat(new SideBySideComparator(GATE).compare(closed)).extracting(MetricComparison::metric).contains(Metric.THROUGHPUT);
        assertThat(new SideBySideComparator(GATE).compare(open)).extracting(MetricComparison::metric)
                .doesNotContain(Metric.THROUGHPUT).contains(Metric.P95_LATENCY);
    }

    @Test
    void theSameVersionOnBothSidesRarelyFailsAndATenPercentSlowdownAlmostAlwaysDoes() {
        // 400 simulated runs of 10 pairs each; between-pair noise 15 %, within-pair 3 %.
        Random random = new Random(20240601);
        int falseAlarms = 0;
        int detected = 0;
        int runs = 400;
        for (int run = 0; run < runs; run++) {
            falseAlarms += failed(simulated(random, 10, 0, 0.15, 0.03, 0, 0)) ? 1 : 0;
            detected += failed(simulated(random, 10, 0.10, 0.15, 0.03, 0, 0)) ? 1 : 0;
        }
        assertThat(falseAlarms / (double) runs).isLessThanOrEqualTo(0.02);
        assertThat(detected / (double) runs).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void thePairsNeededGiveAboutEightyPercentPowerAtTheMinimumEffect() {
        Random random = new Random(7);
        double effect = Math.log(1.05);
        double sd = 0.05;
        double alpha = 0.05 / 4;
        int n = PairsNeeded.estimate(random.doubles(2000).map(u -> random.nextGaussian() * sd).toArray(), effect, alpha);
        int significant = 0;
        int runs = 2000;
        for (int run = 0; run < runs; run++) {
            double[] d = random.doubles(n).map(u -> effect + random.nextGaussian() * sd).toArray();
            significant += WilcoxonSignedRank.pValueGreater(d) < alpha ? 1 : 0;
        }
        assertThat(n).isBetween(9, 14);
        assertThat(significant / (double) runs).isBetween(0.72, 0.92);
    }

    @Test
    void pairsOnOneInstanceOfEachVersionTakeTheTwoJvmsDifferenceForAChange() {
        // The same version on both sides, but B's JVM runs 4 % slower for the whole run: every pair shows it.
        List<TrialResult> trials = new ArrayList<>();
        Random random = new Random(12);
        for (int pair = 0; pair < 12; pair++) {
            double machine = Math.exp(random.nextGaussian() * 0.15);
            trials.add(trial(pair, 0, SideBySideResult.REFERENCE, 0, 10 * machine, 1000 / machine, 0));
            double b = machine * 1.04 * Math.exp(random.nextGaussian() * 0.005);
            trials.add(trial(pair, 0, SideBySideResult.CANDIDATE, 1, 10 * b, 1000 / b, 0));
        }
        List<MetricComparison> rows = new SideBySideComparator(GATE).compare(result(new SideBySideResult("A", "B", 1, "1s", trials)));

        assertThat(row(rows, Metric.P95_LATENCY).verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(row(rows, Metric.P95_LATENCY).note()).contains("12 pairs").doesNotContain("instances");
    }

    @Test
    void withSeveralInstancesTheInstancesAreTheUnitsAndTheirSpreadDecides() {
        // 6 instances of each version, 2 pairs on each; JVMs spread by 2.5 %, a true slowdown of 10 %.
        List<MetricComparison> rows = new SideBySideComparator(GATE).compare(simulatedInstances(new Random(13), 6, 2, 0.10, 0.025, 0.01));

        MetricComparison p95 = row(rows, Metric.P95_LATENCY);
        assertThat(p95.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(p95.note()).startsWith("+").contains("6 instances, 12 pairs");
        SideBySideResult trials = simulatedInstances(new Random(13), 3, 2, 0, 0.01, 0.01).sideBySide();
        assertThat(trials.instances()).isEqualTo(3);
        assertThat(trials.order()).matches("(AB|BA) (AB|BA) \\| (AB|BA) (AB|BA) \\| (AB|BA) (AB|BA)");
    }

    @Test
    void instancesTooFewForTheirSpreadAreUnderpoweredWithTheNumberOfInstancesThatWouldTell() {
        List<MetricComparison> rows = new SideBySideComparator(GATE).compare(simulatedInstances(new Random(14), 3, 2, 0, 0.08, 0.01));

        MetricComparison p95 = row(rows, Metric.P95_LATENCY);
        assertThat(p95.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(p95.note()).contains("3 instances, 6 pairs").containsPattern("underpowered: about \\d+ instances would detect \\+3.0 %");
    }

    @Test
    void instancesKeepFalseAlarmsAtTheLevelWhereOneInstanceRaisesThemAndStillDetectTenPercent() {
        // JVMs spread by 2.5 %: what two containers of the sample app showed in A/A runs. 300 runs each way.
        Random random = new Random(20261123);
        int runs = 300;
        int alarmsOneInstance = 0;
        int alarmsSix = 0;
        int detectedSix = 0;
        for (int run = 0; run < runs; run++) {
            alarmsOneInstance += failed(simulatedInstances(random, 1, 12, 0, 0.025, 0.01)) ? 1 : 0;
            alarmsSix += failed(simulatedInstances(random, 6, 2, 0, 0.025, 0.01)) ? 1 : 0;
            detectedSix += failed(simulatedInstances(random, 6, 2, 0.10, 0.025, 0.01)) ? 1 : 0;
        }
        assertThat(alarmsOneInstance / (double) runs).isGreaterThan(0.15);
        assertThat(alarmsSix / (double) runs).isLessThanOrEqualTo(0.03);
        assertThat(detectedSix / (double) runs).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void aResultWithoutTrialsIsRejected() {
        LoadTestResult plain = result(null);
        assertThat(SideBySideComparator.applies(plain)).isFalse();
        assertThatThrownBy(() -> new SideBySideComparator(GATE).compare(plain)).hasMessageContaining("no side-by-side trials");
    }

    @Test
    void theOrderOfEachPairIsKeptAndOnlyCompletePairsCount() {
        SideBySideResult trials = simulated(new Random(9), 3, 0, 0.1, 0.01, 0, 0).sideBySide();
        List<TrialResult> withHalfPair = new ArrayList<>(trials.trials());
        withHalfPair.add(trial(3, SideBySideResult.CANDIDATE, 0, 10, 100, 0));
        SideBySideResult interrupted = new SideBySideResult("A", "B", 1, "1s", withHalfPair);

        assertThat(interrupted.pairs()).isEqualTo(3);
        assertThat(interrupted.order()).matches("(AB|BA) (AB|BA) (AB|BA) B");
    }

    private static boolean failed(LoadTestResult result) {
        return ResultComparator.any(new SideBySideComparator(GATE).compare(result), Verdict.REGRESSED);
    }

    private static MetricComparison row(List<MetricComparison> rows, Metric metric) {
        return rows.stream().filter(r -> r.metric() == metric).findFirst().orElseThrow();
    }

    /**
     * {@code pairs} pairs in random order; latency 10 ms x the pair's machine factor exp(N(0, between))
     * x each trial's own exp(N(0, within)), x (1 + slowdown) for the candidate; throughput the inverse;
     * error rates as given.
     */
    static LoadTestResult simulated(Random random, int pairs, double slowdown, double between, double within, double errorsA,
            double errorsB) {
        List<TrialResult> trials = new ArrayList<>();
        for (int pair = 0; pair < pairs; pair++) {
            double machine = Math.exp(random.nextGaussian() * between);
            boolean referenceFirst = random.nextBoolean();
            for (int position = 0; position < 2; position++) {
                boolean reference = (position == 0) == referenceFirst;
                double factor = machine * Math.exp(random.nextGaussian() * within) * (reference ? 1 : 1 + slowdown);
                trials.add(trial(pair, reference ? SideBySideResult.REFERENCE : SideBySideResult.CANDIDATE, position, 10 * factor,
                        1000 / factor, reference ? errorsA : errorsB));
            }
        }
        return result(new SideBySideResult("image app:1.0", "Dockerfile", 42, "5s", trials));
    }

    /**
     * {@code instances} instances of each version with {@code pairsEach} pairs on each: as {@link #simulated}, and each
     * instance of each version a JVM of its own, exp(N(0, spread)) slower or faster for as long as it runs.
     */
    static LoadTestResult simulatedInstances(Random random, int instances, int pairsEach, double slowdown, double spread, double within) {
        List<TrialResult> trials = new ArrayList<>();
        int pair = 0;
        for (int instance = 0; instance < instances; instance++) {
            double jvmA = Math.exp(random.nextGaussian() * spread);
            double jvmB = Math.exp(random.nextGaussian() * spread);
            for (int each = 0; each < pairsEach; each++, pair++) {
                double machine = Math.exp(random.nextGaussian() * 0.15);
                boolean referenceFirst = random.nextBoolean();
                for (int position = 0; position < 2; position++) {
                    boolean reference = (position == 0) == referenceFirst;
                    double factor = machine * Math.exp(random.nextGaussian() * within) * (reference ? jvmA : jvmB * (1 + slowdown));
                    trials.add(trial(pair, instance, reference ? SideBySideResult.REFERENCE : SideBySideResult.CANDIDATE, position,
                            10 * factor, 1000 / factor, 0));
                }
            }
        }
        return result(new SideBySideResult("image app:1.0", "Dockerfile", 42, "5s", trials));
    }

    private static TrialResult trial(int pair, String version, int position, double p95, double throughput, double errorRate) {
        return trial(pair, 0, version, position, p95, throughput, errorRate);
    }

    private static TrialResult trial(int pair, int instance, String version, int position, double p95, double throughput,
            double errorRate) {
        return trial(pair, instance, version, position, 5000, p95, throughput, errorRate);
    }

    private static TrialResult trial(int pair, int instance, String version, int position, long requests, double p95, double throughput,
            double errorRate) {
        OperationResult figures = new OperationResult(requests, Math.round(requests * errorRate), Map.of(), errorRate, throughput,
                new LatencySummary(p95 / 2, p95 * 0.9, p95, p95 * 1.5, p95 * 2, p95 / 2), "", List.of());
        return new TrialResult(pair, instance, version, position, "2026-11-22T10:00:00Z", figures, Map.of("GET /", figures));
    }

    private static LoadTestResult result(SideBySideResult trials) {
        OperationResult total = new OperationResult(1, 0, Map.of(), 0, 1, new LatencySummary(1, 1, 1, 1, 1, 1), "", List.of());
        return new LoadTestResult(LoadTestResult.SCHEMA_VERSION, "T.t", ResultStatus.PASSED, null, "2026-11-22T10:00:00Z",
                new PlanSummary("closed", 1, "0s", "1s", "1s", "0s"), null, null, total,
                Map.of("GET /", total), null, null, List.of(), null, null, trials);
    }
}
