package dev.perfgate.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.result.LatencySummary;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.PlanSummary;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.WindowResult;

/**
 * The gate's decision rule (beyond the tolerance and significant across windows) on synthetic runs with a
 * known true effect on p95: how often does it fail the build?
 *
 * <p>Each run has 10 windows whose p95 is {@code 10 ms * (1 + effect) * exp(N(0, 0.15))}, about the window to
 * window noise of a JVM service on a shared CI machine; the run's p95 is the median of its windows. The
 * default gate (10 %, 1 ms, 0.05) compares 1,000 such pairs per effect.
 */
class DecisionRuleSimulationTest {

    private static final long SEED = 20_240_601L;
    private static final int COMPARISONS = 1_000;
    private static final int WINDOWS = 10;
    private static final double BASE_P95_MS = 10;
    private static final double NOISE_SIGMA = 0.15;
    private static final double[] EFFECTS = {0, 0.05, 0.10, 0.25, 0.50};

    private final ResultComparator comparator = new ResultComparator(GateSettings.DEFAULT);

    @Test
    void falseAlarmsAreRareAndLargeRegressionsAreCaught() {
        Random random = new Random(SEED);
        double[] regressed = new double[EFFECTS.length];
        double[] inconclusive = new double[EFFECTS.length];
        double[] toleranceAlone = new double[EFFECTS.length];
        for (int e = 0; e < EFFECTS.length; e++) {
            int regressions = 0;
            int inconclusives = 0;
            int beyondTolerance = 0;
            for (int i = 0; i < COMPARISONS; i++) {
                OperationResult baseline = run(random, 1);
                OperationResult current = run(random, 1 + EFFECTS[e]);
                MetricComparison p95 = comparator.compare(result(baseline), result(current)).stream()
                        .filter(row -> row.metric() == Metric.P95_LATENCY).findFirst().orElseThrow();
                regressions += p95.verdict() == Verdict.REGRESSED ? 1 : 0;
                inconclusives += p95.verdict() == Verdict.INCONCLUSIVE ? 1 : 0;
                beyondTolerance += Metric.P95_LATENCY.judge(baseline.latencyMs().p95(), current.latencyMs().p95(),
                        GateSettings.DEFAULT) == Verdict.REGRESSED ? 1 : 0;
            }
            regressed[e] = (double) regressions / COMPARISONS;
            inconclusive[e] = (double) inconclusives / COMPARISONS;
            toleranceAlone[e] = (double) beyondTolerance / COMPARISONS;
        }

        System.out.println(table(regressed, inconclusive, toleranceAlone));

        assertThat(regressed[0]).as("false-alarm rate with no true effect").isLessThanOrEqualTo(0.05);
        assertThat(regressed[0]).as("significance removes most of the tolerance's false alarms")
                .isLessThan(toleranceAlone[0]);
        assertThat(regressed[EFFECTS.length - 1]).as("detection of +50 %").isGreaterThanOrEqualTo(0.90);
        for (int e = 1; e < EFFECTS.length; e++) {
            assertThat(regressed[e]).as("REGRESSED rate at +%.0f %% against +%.0f %%", EFFECTS[e] * 100, EFFECTS[e - 1] * 100)
                    .isGreaterThanOrEqualTo(regressed[e - 1] - 0.02);
        }
    }

    /** A run of 10,000 requests whose window p95s scatter log-normally around {@code factor * 10 ms}. */
    private static OperationResult run(Random random, double factor) {
        double[] p95s = new double[WINDOWS];
        List<WindowResult> windows = new ArrayList<>();
        for (int i = 0; i < WINDOWS; i++) {
            p95s[i] = BASE_P95_MS * factor * Math.exp(NOISE_SIGMA * random.nextGaussian());
            windows.add(new WindowResult(1_000, 0, 1_000, p95s[i] / 2, p95s[i], p95s[i] * 1.5));
        }
        double p95 = median(p95s);
        return new OperationResult(10_000, 0, Map.of(), 0, 1_000,
                new LatencySummary(p95 / 2, p95 * 0.9, p95, p95 * 1.5, p95 * 2, p95 / 2), "", windows);
    }

    private static LoadTestResult result(OperationResult total) {
        return new LoadTestResult(LoadTestResult.SCHEMA_VERSION, "Sim.run", ResultStatus.PASSED, null, "2024-06-01T10:15:30Z",
                new PlanSummary("closed", 1, "0s", "10s", "1s", "0s"), null, total, Map.of());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[WINDOWS / 2 - 1] + sorted[WINDOWS / 2]) / 2;
    }

    private static String table(double[] regressed, double[] inconclusive, double[] toleranceAlone) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "p95 decision rule, %d comparisons per effect, %d windows of 10 ms x exp(N(0, %.2f)), seed %d%n",
                COMPARISONS, WINDOWS, NOISE_SIGMA, SEED));
        table.append("true effect | REGRESSED | INCONCLUSIVE | beyond tolerance alone\n");
        for (int e = 0; e < EFFECTS.length; e++) {
            table.append(String.format(Locale.ROOT, "%+9.0f %% | %7.1f %% | %10.1f %% | %20.1f %%%n", EFFECTS[e] * 100,
                    regressed[e] * 100, inconclusive[e] * 100, toleranceAlone[e] * 100));
        }
        return table.toString();
    }
}
