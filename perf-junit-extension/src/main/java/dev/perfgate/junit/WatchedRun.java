package dev.perfgate.junit;

import java.util.concurrent.atomic.AtomicReference;

import dev.perfgate.core.engine.LiveRun;
import dev.perfgate.core.engine.LoadEngine;
import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.engine.Scenario;
import dev.perfgate.core.result.ResourceResult;

/**
 * One load run watched while it goes on: a progress line every few seconds and the app container's
 * CPU and memory, kept for the measured phase only. Watching never fails the run; everything it
 * starts is stopped when the run ends, however it ends.
 */
final class WatchedRun {

    private WatchedRun() {
    }

    /** What the run measured, and the container's resources in its measured phase ({@code null}: not sampled). */
    record Outcome(RunMeasurements measured, ResourceResult resources) {
    }

    static Outcome run(LoadTestSettings settings, RunningApp app, Scenario scenario, ProgressReporter progress) {
        AtomicReference<LiveRun> live = new AtomicReference<>();
        try (ResourceSampler sampler = ResourceSampler.start(app.containerId()); progress) {
            RunMeasurements measured = new LoadEngine().run(settings.plan(), app.baseUri(), scenario, run -> {
                live.set(run);
                progress.started(run);
            });
            progress.close();
            LiveRun phases = live.get();
            ResourceResult resources = phases == null ? null : sampler.result(phases.measuredStartNanos(), phases.measuredEndNanos());
            return new Outcome(measured, resources);
        }
    }
}
