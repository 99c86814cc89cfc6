package dev.perfgate.junit;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.perfgate.core.engine.GeneratorCpu;
import dev.perfgate.core.engine.LiveRun;
import dev.perfgate.core.engine.LoadEngine;
import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.OpenLoadPlan;
import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.result.AppMetricsResult;
import dev.perfgate.core.result.GeneratorResult;
import dev.perfgate.core.result.ResourceResult;

/**
 * One load run watched while it goes on: a progress line every few seconds, the app container's
 * CPU and memory and its Prometheus metrics if asked for (kept for the measured phase only), and whether the container is still alive. The
 * run is stopped early, keeping what it measured, when the container dies or the JVM shuts down
 * ({@link RunStop}). Watching never fails the run; everything it starts is stopped when the run
 * ends, however it ends.
 */
final class WatchedRun {

    private WatchedRun() {
    }

    /**
     * What the run measured, the container's resources in its measured phase ({@code null}: not
     * sampled), why it was stopped early ({@code null}: it ran its course), and what the generator's own
     * process cost in the measured phase ({@code null}: not measured).
     */
    record Outcome(RunMeasurements measured, ResourceResult resources, String stopReason, AppMetricsResult appMetrics,
            GeneratorResult generator) {
    }

    /** Runs {@code stop}'s scenario; the caller registered {@code stop} with {@link StopOnExit}. */
    static Outcome run(LoadTestSettings settings, RunningApp app, RunStop stop, ProgressReporter progress) {
        return run(settings, app, stop, progress, true);
    }

    /**
     * The same, sampling the container's resources and scraping its metrics only when {@code sampled}: a
     * side-by-side trial of a second or two would get hardly a reading, and the sampling costs the CPU
     * both versions share.
     */
    static Outcome run(LoadTestSettings settings, RunningApp app, RunStop stop, ProgressReporter progress, boolean sampled) {
        AtomicReference<LiveRun> live = new AtomicReference<>();
        try (ResourceSampler sampler = sampled ? ResourceSampler.start(app.containerId()) : null; progress;
                AppWatch watch = AppWatch.start(app::isRunning, stop);
                MetricsScraper scraper = sampled ? MetricsScraper.start(app.metrics(), app.baseUri()) : null;
                GeneratorCpu cpu = sampled ? new GeneratorCpu() : null) {
            RunMeasurements measured;
            try {
                measured = new LoadEngine().run(settings.plan(), app.baseUri(), stop, run -> {
                    live.set(run);
                    progress.started(run);
                    settings.patternWatcher().started(run);
                    if (cpu != null) {
                        cpu.started(run);
                    }
                });
            } finally {
                stop.engineReturned();
            }
            progress.close();
            LiveRun phases = live.get();
            ResourceResult resources = phases == null || sampler == null ? null
                    : sampler.result(phases.measuredStartNanos(), phases.measuredEndNanos());
            AppMetricsResult metrics = phases == null || scraper == null ? null
                    : scraper.result(phases.measuredStartNanos(), phases.measuredEndNanos());
            GeneratorResult generator = cpu == null ? null : cpu.result(measured.total().requestCount());
            return new Outcome(measured, resources, stop.reason(), metrics, generator);
        }
    }

    /**
     * One interleaved run of {@code settings}' closed-model plan against {@code apps} together
     * ({@link LoadEngine#runInterleaved}), each user's iterations going to each app in turn in an order drawn from
     * {@code seed}; stopped early when either container dies. One outcome per app, in order, without resources
     * or metrics (as for a side-by-side trial). The progress line follows the last app.
     */
    static List<Outcome> runInterleaved(LoadTestSettings settings, List<RunningApp> apps, long seed, RunStop stop,
            ProgressReporter progress) {
        try (progress; AppWatch watch = AppWatch.start(() -> apps.stream().allMatch(RunningApp::isRunning), stop)) {
            List<RunMeasurements> measured;
            try {
                measured = new LoadEngine().runInterleaved((LoadPlan) settings.plan(), apps.stream().map(RunningApp::baseUri).toList(), seed,
                        stop, run -> {
                            progress.started(run);
                            settings.patternWatcher().started(run);
                        });
            } finally {
                stop.engineReturned();
            }
            return measured.stream().map(each -> new Outcome(each, null, stop.reason(), null, null)).toList();
        }
    }

    /** Whether {@code settings} run the open model, whose dispatcher {@link RunStop} must interrupt. */
    static boolean openModel(LoadTestSettings settings) {
        return settings.plan() instanceof OpenLoadPlan;
    }
}
