package dev.perfgate.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.perfgate.core.result.IterationResult;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.PlanSummary;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.RunEnvironment;
import dev.perfgate.core.result.SegmentSummary;
import dev.perfgate.core.result.StageReport;
import dev.perfgate.core.result.StepResult;
import dev.perfgate.core.result.TrialResult;
import dev.perfgate.core.result.WindowResult;
import dev.perfgate.core.time.ReadableDuration;
import dev.perfgate.core.time.ReadableRate;

/**
 * What the engine ran and measured, written as the result model: a {@link LoadTestResult} from a
 * {@link RunPlan} and its {@link RunMeasurements}. The result files know nothing of the engine; this is the
 * one place that translates, so the file format does not change when the engine does.
 *
 * <pre>{@code
 * RunMeasurements measured = new LoadEngine().run(plan, target, scenario);
 * LoadTestResult result = ResultOfRun.judged("GreetingLoadIT.greeting", plan, measured, RunEnvironment.current(null));
 * }</pre>
 */
public final class ResultOfRun {

    private ResultOfRun() {
    }

    /**
     * The result of a run with the status its measurements alone decide: ABORTED when the run did not
     * complete, FAILED when no request succeeded, PASSED otherwise.
     */
    public static LoadTestResult judged(String testId, RunPlan plan, RunMeasurements measured, RunEnvironment environment) {
        long succeeded = measured.total().requestCount() - measured.total().errorCount();
        if (!measured.completed()) {
            return of(testId, plan, measured, environment, ResultStatus.ABORTED, measured.abortReason());
        }
        if (succeeded == 0) {
            String reason = "no request succeeded in the measured phase (" + measured.total().requestCount() + " requests, errors "
                    + measured.total().errors() + ")"
                    + measured.scenarioFailure().map(f -> "; first failure: " + f).orElse("");
            return of(testId, plan, measured, environment, ResultStatus.FAILED, reason);
        }
        return of(testId, plan, measured, environment, ResultStatus.PASSED, null);
    }

    /** The result of a run, with the status the caller decided. */
    public static LoadTestResult of(String testId, RunPlan plan, RunMeasurements measured, RunEnvironment environment,
            ResultStatus status, String statusReason) {
        double ranSeconds = measured.ranFor().toNanos() / 1e9;
        double plannedSeconds = measured.measured().toNanos() / 1e9;
        Segment segment = measured.segment();
        // A part of a distributed run keeps its windows' histograms, so that the parts merge without loss.
        boolean keep = !segment.isWhole();
        Map<String, OperationResult> operations = new TreeMap<>();
        measured.operations().forEach((name, stats) ->
                operations.put(name, operation(stats, windowsOf(measured.windows().get(name), plannedSeconds, keep), ranSeconds)));
        List<StepResult> steps = keep ? withHistograms(steps(plan, measured), measured.stages()) : steps(plan, measured);
        LoadTestResult result = new LoadTestResult(LoadTestResult.SCHEMA_VERSION, testId, status, statusReason,
                measured.measuredStart().toString(), summary(plan), environment, iterations(measured),
                operation(measured.total(), windowsOf(measured.totalWindows(), plannedSeconds, keep), ranSeconds),
                operations, null, null, measured.seconds(), steps.size() > 1 ? StageReport.stages(steps) : null);
        return keep ? result.withSegment(new SegmentSummary(segment.index(), segment.count())) : result;
    }

    /** The load of {@code plan} in the notation users write. */
    public static PlanSummary summary(RunPlan plan) {
        String warmUp = ReadableDuration.format(plan.warmUp());
        String duration = ReadableDuration.format(plan.duration());
        String requestTimeout = ReadableDuration.format(plan.requestTimeout());
        if (plan instanceof OpenLoadPlan open) {
            List<PlanSummary.ArrivalStage> stages = open.arrivals().stages().stream()
                    .map(stage -> new PlanSummary.ArrivalStage(stage.fromPerSecond(), stage.toPerSecond(),
                            ReadableDuration.format(stage.duration())))
                    .toList();
            String openWarmUp = open.warmsUpAtItsOwnRate() && !open.warmUp().isZero()
                    ? warmUp + " at " + ReadableRate.format(open.warmUpPerSecond()) : warmUp;
            return new PlanSummary("open", 0, openWarmUp, duration, requestTimeout, "0s", stages, open.maxInFlight(), 0);
        }
        LoadPlan closed = (LoadPlan) plan;
        String closedWarmUp = closed.usersInWarmUp() != closed.schedule().initialUsers() && !closed.warmUp().isZero()
                ? warmUp + " with " + closed.usersInWarmUp() + (closed.usersInWarmUp() == 1 ? " user" : " users") : warmUp;
        List<PlanSummary.UserStageSummary> userStages = !closed.isStaged() ? List.of()
                : closed.schedule().stages().stream()
                        .map(stage -> new PlanSummary.UserStageSummary(stage.fromUsers(), stage.toUsers(),
                                ReadableDuration.format(stage.duration())))
                        .toList();
        return new PlanSummary("closed", closed.users(), closedWarmUp, duration, requestTimeout, closed.thinkTime().describe(),
                List.of(), 0, closed.iterationsPerUser(), userStages);
    }

    /**
     * The trial run as {@code version} in {@code pair} on {@code instance} at {@code position}, without windows:
     * in a side-by-side run the trial is the unit of comparison.
     */
    public static TrialResult trial(int pair, int instance, String version, int position, RunMeasurements measured) {
        // ranFor: the measured phase, or in an interleaved trial this version's share of the users' time
        double seconds = measured.ranFor().toNanos() / 1e9;
        Map<String, OperationResult> operations = new TreeMap<>();
        measured.operations().forEach((name, stats) -> operations.put(name, operation(stats, null, seconds, seconds)));
        return new TrialResult(pair, instance, version, position, measured.measuredStart().toString(),
                operation(measured.total(), null, seconds, seconds), operations);
    }

    /** The stages of {@code plan} with what {@code measured} holds for each; empty when the driver kept no stages. */
    public static List<StepResult> steps(RunPlan plan, RunMeasurements measured) {
        StageWindows stages = measured.stages();
        if (stages == null) {
            return List.of();
        }
        List<String> loads = plan instanceof OpenLoadPlan open
                ? open.arrivals().stages().stream().map(Object::toString).toList()
                : ((LoadPlan) plan).schedule().stages().stream().map(Object::toString).toList();
        List<StepResult> steps = new ArrayList<>();
        for (int i = 0; i < stages.lengths().size(); i++) {
            double seconds = stages.lengths().get(i).toNanos() / 1e9;
            OperationResult figures = part(stages.total(), i, seconds);
            steps.add(new StepResult(i, i < loads.size() ? loads.get(i) : "stage " + i, stages.starts().get(i).toNanos() / 1e9,
                    seconds, figures.requests(), figures.errors(), figures.errorRate(), figures.throughputPerSecond(),
                    figures.latencyMs().p50(), figures.latencyMs().p95(), figures.latencyMs().p99(), null, List.of()));
        }
        return steps;
    }

    /** {@code steps}, each keeping its stage's latencies from {@code stages}: a part's, for a lossless merge. */
    private static List<StepResult> withHistograms(List<StepResult> steps, StageWindows stages) {
        List<StepResult> kept = new ArrayList<>(steps.size());
        for (StepResult step : steps) {
            kept.add(step.withHistogram(stages.total().latencyMicros(step.index())));
        }
        return kept;
    }

    /**
     * The figures of window {@code index} of {@code series}, which lasted {@code seconds}: for judging one
     * stage of a run (see {@link OperationResult#ofPart}).
     */
    public static OperationResult part(WindowSeries series, int index, double seconds) {
        return OperationResult.ofPart(series.latencyMicros(index), series.requests(index), series.errors(index), seconds);
    }

    /**
     * The figures of {@code stats} over a measured phase planned to last {@code plannedSeconds} (its
     * {@code windows}, may be {@code null}, split that) that ran for {@code ranSeconds} (the throughput is per
     * second of that).
     */
    static OperationResult operation(OperationStats stats, WindowSeries windows, double ranSeconds, double plannedSeconds) {
        return operation(stats, windowsOf(windows, plannedSeconds, false), ranSeconds);
    }

    private static OperationResult operation(OperationStats stats, List<WindowResult> windows, double ranSeconds) {
        Map<String, Long> byKind = new TreeMap<>();
        stats.errors().forEach((kind, count) -> byKind.put(kind.label(), count));
        return OperationResult.of(stats.latencyMicros(), stats.requestCount(), stats.errorCount(), byKind, stats.firstCheckFailure(),
                windows, ranSeconds);
    }

    /** The windows of {@code series} (none when {@code null}), with their histograms when {@code keepHistograms}. */
    private static List<WindowResult> windowsOf(WindowSeries series, double measuredSeconds, boolean keepHistograms) {
        if (series == null) {
            return List.of();
        }
        List<WindowResult> windows = new ArrayList<>(series.windows());
        for (int i = 0; i < series.windows(); i++) {
            WindowResult window = WindowResult.of(series.latencyMicros(i), series.requests(i), series.errors(i),
                    measuredSeconds / series.windows());
            windows.add(keepHistograms ? window.withHistogram(series.latencyMicros(i)) : window);
        }
        return windows;
    }

    private static IterationResult iterations(RunMeasurements measured) {
        return new IterationResult(measured.iterations(), measured.scheduledIterations(), measured.droppedIterations(),
                hundredths(measured.iterationsPerSecond()), hundredths(measured.scheduledIterationsPerSecond()));
    }

    private static double hundredths(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
