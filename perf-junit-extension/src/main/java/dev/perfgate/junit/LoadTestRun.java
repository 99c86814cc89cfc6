package dev.perfgate.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Objects;

import dev.perfgate.core.engine.ResultOfRun;
import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.http.Redaction;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.RunEnvironment;
import dev.perfgate.core.result.SloJudge;
import dev.perfgate.core.slo.SloReport;

/**
 * One load test from its started application to its written result: runs the load (alone or side by
 * side), judges what it measured (the application's death, a stop, dead dependencies, the stages, the
 * SLOs), removes credentials and writes the result file. The file is written before anything fails,
 * so a failed run still leaves its figures.
 *
 * <pre>{@code
 * LoadTestRun.Done done = LoadTestRun.run(settings, scenario, app, null, progress, testClass);
 * }</pre>
 */
final class LoadTestRun {

    private LoadTestRun() {
    }

    /**
     * What the run left.
     *
     * @param result   the judged result, as written
     * @param measured what the engine measured (the scenario's first failure among it); {@code null} for a distributed run
     * @param file     where the result was written
     */
    record Done(LoadTestResult result, RunMeasurements measured, Path file) {
    }

    /** Runs {@code scenario} against {@code app} ({@code paired} side by side, else alone) and writes the result. */
    static Done run(LoadTestSettings settings, AnnotatedScenario scenario, RunningApp app, PairedRun paired, ProgressReporter progress,
            Class<?> testClass) {
        RunStop stop = new RunStop(scenario.scenario(), WatchedRun.openModel(settings));
        StopOnExit.register(stop);
        RunMeasurements measured;
        LoadTestResult result;
        Path file;
        try {
            WatchedRun.Outcome run = paired == null ? WatchedRun.run(settings, app, stop, progress) : paired.run(stop);
            measured = run.measured();
            result = paired == null
                    ? judge(settings, measured, app, run.stopReason(), app.dependencyDeathNotice())
                            .withResources(run.resources()).withAppMetrics(run.appMetrics()).withGenerator(run.generator())
                    : paired.result(judge(paired.resultSettings(), measured, app, run.stopReason(), paired.dependencyDeathNotice()));
            result = finished(settings, scenario.describe(PatternVerdicts.judged(settings, measured, result)),
                    PatternVerdicts.slosJudgeTheWholeRun(settings), testClass);
            file = writeResult(settings, result);
        } finally {
            stop.finished();
            StopOnExit.unregister(stop);
        }
        return new Done(result, measured, file);
    }

    /**
     * Runs {@code settings}' load spread over its workers against {@code app} ({@link DistributedRun}), judges
     * the merged result as a run of its own and writes it. {@link Done#measured()} is {@code null}: the
     * figures were measured in the workers.
     */
    static Done runDistributed(LoadTestSettings settings, AnnotatedScenario scenario, RunningApp app, Class<?> testClass,
            Method method, ProgressReporter progress) {
        DistributedRun.Outcome run = DistributedRun.run(settings, app, testClass, method, progress);
        LoadTestResult merged = statusFromTheApp(run.merged().withResources(run.resources()), app, null, app.dependencyDeathNotice());
        LoadTestResult result = finished(settings, scenario.describe(merged), true, testClass);
        return new Done(result, null, writeResult(settings, result));
    }

    /**
     * {@code result} as written and reported: judged by the SLOs (when they judge it: a pattern judges its
     * phases itself), without credentials, naming its test class.
     */
    private static LoadTestResult finished(LoadTestSettings settings, LoadTestResult result, boolean slosJudgeIt,
            Class<?> testClass) {
        SloReport slo = settings.slos().isEmpty() || !slosJudgeIt ? null : SloJudge.judge(settings.slos(), result);
        LoadTestResult judged = result;
        if (slo != null && result.status() == ResultStatus.PASSED && !slo.breaches().isEmpty()) {
            judged = result.withStatus(ResultStatus.FAILED, slo.failureMessage(result.testId()));
        }
        return withoutCredentials(judged.withSlo(slo)).withTestClass(testClass.getName());
    }

    /** {@code deadDependencies}: which containers the application (side by side: either version) depends on stopped, or {@code null}. */
    private static LoadTestResult judge(LoadTestSettings settings, RunMeasurements measured, RunningApp app, String stopReason,
            String deadDependencies) {
        RunEnvironment environment = RunEnvironment.current(RunningApp.dockerVersion());
        LoadTestResult result = ResultOfRun.judged(settings.testId(), settings.plan(), measured, environment);
        if (StopOnExit.SHUTDOWN_REASON.equals(stopReason)) {
            // Testcontainers' own shutdown hook may be removing the container meanwhile: not the app's fault.
            return result.withStatus(ResultStatus.ABORTED, stopReason);
        }
        return statusFromTheApp(result, app, stopReason, deadDependencies);
    }

    /**
     * {@code result} aborted when the application died or the run was stopped ({@code stopReason}), failed when
     * containers it depends on stopped ({@code deadDependencies}); else as it was.
     */
    private static LoadTestResult statusFromTheApp(LoadTestResult result, RunningApp app, String stopReason,
            String deadDependencies) {
        String died = app.deathNotice();
        LoadTestResult judged = died != null ? result.withStatus(ResultStatus.ABORTED, died)
                : stopReason != null ? result.withStatus(ResultStatus.ABORTED, stopReason) : result;
        return withDeadDependencies(judged, deadDependencies);
    }

    /** {@code result} failed (unless it failed or was aborted already) and its reason followed by {@code notice}, if any. */
    private static LoadTestResult withDeadDependencies(LoadTestResult result, String notice) {
        if (notice == null) {
            return result;
        }
        ResultStatus status = result.status() == ResultStatus.PASSED ? ResultStatus.FAILED : result.status();
        return result.withStatus(status, result.statusReason() == null ? notice : result.statusReason() + "\n" + notice);
    }

    /** The result as written and reported: its status reason (failure messages, log tails) without credentials. */
    private static LoadTestResult withoutCredentials(LoadTestResult result) {
        String reason = Redaction.text(result.statusReason());
        return Objects.equals(reason, result.statusReason()) ? result : result.withStatus(result.status(), reason);
    }

    private static Path writeResult(LoadTestSettings settings, LoadTestResult result) {
        try {
            return ResultFiles.write(settings.resultsDir(), result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result of " + result.testId() + " to " + settings.resultsDir(), e);
        }
    }
}
