package dev.perfgate.junit;

import java.util.Locale;
import java.util.Map;

import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.StageReport;
import dev.perfgate.core.result.StepResult;
import dev.perfgate.core.stages.StepStress;

/**
 * What a {@link LoadTest#pattern()} adds to a run's result and report: the spike's recovery time, the
 * stress run's breaking point or the soak's drift, with each stage's figures. A stress run is judged
 * step by step against its SLOs (a step missing one is where it broke, not a failed test); it fails
 * only when even its first step broke.
 */
final class PatternVerdicts {

    private PatternVerdicts() {
    }

    /** {@code result} with what the run of {@code settings}' pattern found; unchanged for a plain run. */
    static LoadTestResult judged(LoadTestSettings settings, RunMeasurements measured, LoadTestResult result) {
        if (settings.pattern() == null) {
            return result;
        }
        StageReport report = settings.pattern().report(measured);
        LoadTestResult judged = result.withStages(report);
        if (report.kind().equals("stress") && Integer.valueOf(0).equals(report.brokenStep()) && result.status() == ResultStatus.PASSED) {
            return judged.withStatus(ResultStatus.FAILED, "stress " + report.verdict());
        }
        return judged;
    }

    /** Whether the SLOs judge the whole run: not in a stress run, where they judge each step. */
    static boolean slosJudgeTheWholeRun(LoadTestSettings settings) {
        return !(settings.pattern() instanceof StepStress);
    }

    /** Prints a line per stage of {@code result} and adds the stages' verdict to the report {@code entries}. */
    static void report(LoadTestResult result, Map<String, String> entries) {
        StageReport stages = result.stages();
        if (stages == null) {
            return;
        }
        Console.say(stages.kind() + ": " + stages.verdict());
        for (StepResult step : stages.steps()) {
            Console.say("  " + describe(step));
        }
        entries.put("perfgate.stages", stages.kind() + ": " + stages.verdict());
    }

    /** One stage, e.g. {@code "stage 2 hold 20 for 10s: 812 requests, 81.2/s, p95 12.30 ms, errors 0.00 %, held"}. */
    static String describe(StepResult step) {
        String judged = step.held() == null ? "" : step.held() ? ", held" : ", BROKE: " + String.join("; ", step.breaches());
        return String.format(Locale.ROOT, "stage %d %s: %d requests, %.1f/s, p95 %.2f ms, errors %.2f %%%s", step.index() + 1,
                step.load(), step.requests(), step.throughputPerSecond(), step.p95(), step.errorRate() * 100, judged);
    }
}
