package dev.perfgate.core.stages;

import dev.perfgate.core.engine.RunListener;
import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.engine.RunPlan;
import dev.perfgate.core.result.StageReport;

/**
 * A named pattern of stages and what it reports: a {@link Spike} (recovery time), a
 * {@link StepStress} (breaking point) or a {@link Soak} (latency drift). Each is a plan for either
 * load model plus an analysis of the run's stage and second-by-second figures.
 *
 * <pre>{@code
 * StageProfile spike = Spike.users(2, 40, Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(20));
 * RunMeasurements measured = new LoadEngine().run(spike.plan(), target, scenario, spike.watcher());
 * LoadTestResult result = ResultOfRun.judged(id, spike.plan(), measured, environment).withStages(spike.report(measured));
 * }</pre>
 */
public sealed interface StageProfile permits Spike, StepStress, Soak {

    /** The load to run. */
    RunPlan plan();

    /** What watches the run while it goes on, e.g. to stop a stress run at its first broken step; none by default. */
    default RunListener watcher() {
        return RunListener.NONE;
    }

    /** What the run of {@link #plan()} found. */
    StageReport report(RunMeasurements measured);
}
