package dev.perfgate.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.result.DetectableChange;
import dev.perfgate.core.result.LatencySummary;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.PlanSummary;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.WindowResult;
import dev.perfgate.core.stats.TheilSen;

class DetectableChangeTest {

    private static final GateSettings ANY_SIGNIFICANT_RISE = new GateSettings(0, 0, 1, 0, 0.05).withMetrics(Set.of(Metric.P50_LATENCY));

    @Test
    void aShiftOfTheStatedSizeIsConfirmedByTheGateAboutFourTimesInFive() {
        Random random = new Random(20261205);
        double detectable = DetectableChange.percentOf(run(random, 10, 0.05, 1), 0.05);
        int confirmed = 0;
        int runs = 1000;
        for (int i = 0; i < runs; i++) {
            OperationResult before = run(random, 10, 0.05, 1);
            OperationResult after = run(random, 10, 0.05, 1 + detectable / 100);
            confirmed += new ResultComparator(ANY_SIGNIFICANT_RISE).compare(result(before), result(after)).get(0).verdict()
                    == Verdict.REGRESSED ? 1 : 0;
        }
        assertThat(detectable).isBetween(3.0, 10.0);
        assertThat(confirmed / (double) runs).isBetween(0.65, 0.92);
    }

    @Test
    void steadierWindowsAndMoreOfThemDetectSmallerChanges() {
        Random random = new Random(7);
        double noisy = DetectableChange.percentOf(run(random, 10, 0.20, 1), 0.05);
        double steady = DetectableChange.percentOf(run(random, 10, 0.02, 1), 0.05);
        double longer = DetectableChange.percentOf(run(random, 40, 0.20, 1), 0.05);

        assertThat(steady).isLessThan(noisy / 4);
        assertThat(longer).isLessThan(noisy * 0.7);
    }

    @Test
    void saysItPerOperationAndWhereThereAreTooFewWindows() {
        Random random = new Random(3);
        LoadTestResult result = new LoadTestResult(LoadTestResult.SCHEMA_VERSION, "Shop.browse", ResultStatus.PASSED, null,
                "2026-12-05T10:00:00Z", new PlanSummary("closed", 1, "0s", "10s", "1s", "0s"), null,
                run(random, 10, 0.05, 1), Map.of("list", run(random, 10, 0.05, 1), "health", run(random, 3, 0.05, 1)));

        assertThat(DetectableChange.describe(result, 0.05)).startsWith("the gate could confirm p50 changes of about ")
                .contains("none (health)", "; none: fewer than 4 windows had a response")
                .containsPattern("\\d+ % \\(list\\)")
                .doesNotContain("(total)");
        assertThat(DetectableChange.describe(result(run(random, 10, 0.05, 1)), 0.05)).matches("the gate could confirm p50 changes of about \\d+ % from .*");
    }

    /** {@code windows} windows whose medians scatter by {@code noise} (relative sd) around 10 ms x {@code scale}. */
    private static OperationResult run(Random random, int windows, double noise, double scale) {
        List<WindowResult> cut = new ArrayList<>();
        double[] medians = new double[windows];
        for (int i = 0; i < windows; i++) {
            medians[i] = 10 * scale * (1 + noise * random.nextGaussian());
            cut.add(new WindowResult(100, 0, 100, medians[i], medians[i] * 2, medians[i] * 3));
        }
        double p50 = TheilSen.median(medians);
        double mean = Arrays.stream(medians).average().orElseThrow();
        return new OperationResult(100L * windows, 0, Map.of(), 0, 100, new LatencySummary(p50, p50 * 1.8, p50 * 2, p50 * 3, p50 * 4, mean),
                "", cut);
    }

    private static LoadTestResult result(OperationResult operation) {
        return new LoadTestResult(LoadTestResult.SCHEMA_VERSION, "T.t", ResultStatus.PASSED, null, "2026-12-05T10:00:00Z",
                new PlanSummary("closed", 1, "0s", "10s", "1s", "0s"), null, operation,
                Map.of("op", operation));
    }
}
