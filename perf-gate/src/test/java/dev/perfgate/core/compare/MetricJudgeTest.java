package dev.perfgate.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.result.LatencySummary;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.WindowResult;

class MetricJudgeTest {

    private final MetricJudge judge = new MetricJudge(GateSettings.DEFAULT); // 10 %, 1 ms, 1 pp, 50 tail, 0.05

    /** 10 windows scattering by +-1 % around {@code value}, in an order that interleaves them. */
    private static double[] steady(double value) {
        double[] windows = new double[10];
        for (int i = 0; i < 10; i++) {
            windows[i] = value * (1 + 0.01 * (((i * 3) % 10) - 4.5) / 4.5);
        }
        return windows;
    }

    /** An operation of 10,000 requests whose p95 and throughput are the windows' medians. */
    private static OperationResult latency(double[] windowP95) {
        return operation(10_000, 0, windowP95, steady(1000));
    }

    /** The same with the overall p95 given: a run's p95 is not its windows' median. */
    private static OperationResult latency(double p95, double[] windowP95) {
        OperationResult windows = latency(windowP95);
        return new OperationResult(windows.requests(), windows.errors(), Map.of(), windows.errorRate(), windows.throughputPerSecond(),
                new LatencySummary(p95 / 2, p95 * 0.9, p95, p95 * 1.5, p95 * 2, p95 / 2), "", windows.windows());
    }

    private static OperationResult throughput(double[] windowThroughput) {
        return operation(10_000, 0, steady(10), windowThroughput);
    }

    private static OperationResult operation(long requests, long errors, double[] windowP95, double[] windowThroughput) {
        List<WindowResult> windows = new ArrayList<>();
        for (int i = 0; i < windowP95.length; i++) {
            long windowRequests = requests / windowP95.length;
            windows.add(new WindowResult(windowRequests, errors / windowP95.length, windowThroughput[i], windowP95[i] / 2,
                    windowP95[i], windowP95[i] * 1.5));
        }
        double p95 = median(windowP95);
        return new OperationResult(requests, errors, Map.of(), (double) errors / requests, median(windowThroughput),
                new LatencySummary(p95 / 2, p95 * 0.9, p95, p95 * 1.5, p95 * 2, p95 / 2), "", windows);
    }

    private static OperationResult withoutWindows(double p95) {
        return new OperationResult(10_000, 0, Map.of(), 0, 1000, new LatencySummary(p95 / 2, p95 * 0.9, p95, p95, p95, p95 / 2), "");
    }

    private static OperationResult errors(long requests, long errors) {
        return operation(requests, errors, steady(10), steady(1000));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private MetricComparison judge(Metric metric, OperationResult baseline, OperationResult current) {
        return judge.judge("T.t", "GET /a", metric, baseline, current);
    }

    @Test
    void p95DoublingInEveryWindowIsRegressedWithItsP() {
        MetricComparison row = judge(Metric.P95_LATENCY, latency(steady(10)), latency(steady(20)));

        assertThat(row.verdict()).isEqualTo(Verdict.REGRESSED);
        // Every one of 10 current windows above every one of 10 baseline windows: p = 1 / C(20, 10) = 1 / 184,756.
        assertThat(row.note()).isEqualTo("p=5.4e-06");
        assertThat(row.baseline()).isCloseTo(10, within(0.1));
        assertThat(row.testId()).isEqualTo("T.t");
        assertThat(row.operation()).isEqualTo("GET /a");
        assertThat(row.metric()).isEqualTo(Metric.P95_LATENCY);
    }

    @Test
    void changeBeyondToleranceThatTheWindowsDoNotConfirmIsInconclusive() {
        double[] baseline = {8, 12, 9, 11, 10, 8, 12, 9, 11, 10};
        double[] current = {9, 13, 10, 12, 11, 9, 13, 10, 12, 11};

        MetricComparison row = judge(Metric.P95_LATENCY, latency(10, baseline), latency(11.5, current)); // +15 %, +1.5 ms

        assertThat(Metric.P95_LATENCY.judge(10, 11.5, GateSettings.DEFAULT)).isEqualTo(Verdict.REGRESSED);
        assertThat(row.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(row.note()).startsWith("p=").contains(" > 0.050 across 10 windows");
        // Noise of sd 1.49 ms against a 1.5 ms shift: 2 * 1.05 * ((1.645 + 0.842) * 1.49 / 1.5)^2 = 12.8.
        Matcher needed = Pattern.compile("about (\\d+) windows per run would tell").matcher(row.note());
        assertThat(needed.find()).as(row.note()).isTrue();
        assertThat(Integer.parseInt(needed.group(1))).isEqualTo(13);
    }

    @Test
    void inconclusiveWithoutAskingForMoreWindowsWhenTheNoiseIsSmall() {
        // The median moved by 1.55 ms (+15 %) against little noise, but four current windows sit among the
        // baseline's: the rank test is not convinced, and more windows of the same noise would not be asked for.
        double[] baseline = {10.0, 10.1, 10.2, 10.3, 10.4, 10.5, 10.6, 10.7, 10.8, 10.9};
        double[] current = {10.05, 10.15, 10.25, 10.35, 12, 12, 12, 12, 12, 12};

        MetricComparison row = judge(Metric.P95_LATENCY, latency(baseline), latency(current));

        assertThat(row.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(row.note()).matches("p=0\\.0\\d\\d > 0\\.050 across 10 windows");
    }

    @Test
    void changeWithinToleranceIsUnchangedWhateverTheWindows() {
        double[] baseline = steady(10);
        double[] separatedAbove = steady(10.5); // +5 %: every window above the baseline's, p tiny

        MetricComparison row = judge(Metric.P95_LATENCY, latency(baseline), latency(separatedAbove));

        assertThat(row.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(row.note()).isEmpty();
        assertThat(judge(Metric.P95_LATENCY, withoutWindows(10), withoutWindows(10.5)).verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(judge(Metric.THROUGHPUT, throughput(steady(1000)), throughput(steady(960))).verdict())
                .isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void resultsWithoutWindowsAreInconclusiveAndAskForANewRecording() {
        MetricComparison oldBaseline = judge(Metric.P95_LATENCY, withoutWindows(10), latency(steady(20)));
        MetricComparison oldCurrent = judge(Metric.P95_LATENCY, latency(steady(10)), withoutWindows(20));

        assertThat(oldBaseline.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(oldBaseline.note()).startsWith("the baseline has 0 windows").contains("re-record");
        assertThat(oldCurrent.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(oldCurrent.note()).startsWith("this run has 0 windows").contains("re-record");

        // Three windows cannot reach 0.05 with a rank test (1 / C(6, 3) = 0.05 is not below it).
        OperationResult three = operation(10_000, 0, new double[] {10, 10.1, 9.9}, new double[] {1000, 1000, 1000});
        OperationResult threeDoubled = operation(10_000, 0, new double[] {20, 20.2, 19.8}, new double[] {1000, 1000, 1000});
        assertThat(judge(Metric.P95_LATENCY, three, threeDoubled).note()).contains("3 windows, fewer than 4").contains("re-record");
    }

    @Test
    void significantThroughputDropIsRegressed() {
        MetricComparison row = judge(Metric.THROUGHPUT, throughput(steady(1000)), throughput(steady(700)));

        assertThat(row.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(row.note()).isEqualTo("p=5.4e-06");
    }

    @Test
    void throughputDropThatTheWindowsContradictIsInconclusive() {
        // The overall figure fell 30 % but the windows say the current run was faster: no evidence of a drop.
        OperationResult baseline = throughput(steady(1000));
        OperationResult current = new OperationResult(10_000, 0, Map.of(), 0, 700, baseline.latencyMs(), "",
                throughput(steady(1100)).windows());

        MetricComparison row = judge(Metric.THROUGHPUT, baseline, current);

        assertThat(row.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(row.note()).startsWith("p=1.000 > 0.050");
    }

    @Test
    void improvementNeedsSignificanceToo() {
        MetricComparison clear = judge(Metric.P95_LATENCY, latency(steady(20)), latency(steady(10)));

        assertThat(clear.verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(clear.note()).isEqualTo("p=5.4e-06");

        MetricComparison overlapping = judge(Metric.P95_LATENCY, latency(20, new double[] {16, 24, 18, 22, 20, 16, 24, 18, 22, 20}),
                latency(17, new double[] {14, 22, 16, 20, 18, 14, 22, 16, 20, 18})); // -15 %, -3 ms
        assertThat(overlapping.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(overlapping.note()).contains("windows");

        assertThat(judge(Metric.THROUGHPUT, throughput(steady(1000)), throughput(steady(1300))).verdict()).isEqualTo(Verdict.IMPROVED);
    }

    @Test
    void errorRateRiseIsTestedOnTheRequestCounts() {
        MetricComparison many = judge(Metric.ERROR_RATE, errors(10_000, 0), errors(10_000, 500));
        MetricComparison few = judge(Metric.ERROR_RATE, errors(100, 0), errors(100, 2));

        assertThat(many.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(many.note()).matches("p=\\d\\.\\de-\\d+");
        // 2 pp is beyond the 1 pp floor, but both errors landing in this run has chance C(100,2)/C(200,2) = 0.249.
        assertThat(few.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(few.note()).isEqualTo("p=0.249 > 0.050: too few requests to tell");
        assertThat(judge(Metric.ERROR_RATE, errors(10_000, 500), errors(10_000, 0)).verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(judge(Metric.ERROR_RATE, errors(10_000, 0), errors(10_000, 50)).verdict()).isEqualTo(Verdict.UNCHANGED);
    }
}
