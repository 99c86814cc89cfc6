package dev.perfgate.core.engine;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/** The per-window series of every operation of a run, and of all requests together. */
final class RunWindows {

    private final int windows;
    private final RunPhases phase;
    private final ConcurrentMap<String, WindowSeries> byOperation = new ConcurrentHashMap<>();
    private final WindowSeries total;
    private final LongAdder warmUpRequests = new LongAdder();
    private final StageWindows stages;
    private final SecondSeries seconds;

    /**
     * Windows without stages or seconds. {@code phase}: {start, measured start, measured end} in
     * nanoTime, filled in before the run begins.
     */
    RunWindows(int windows, RunPhases phase) {
        this(windows, phase, null, null);
    }

    /** Windows, the stages of {@code plan} and its second-by-second series. */
    RunWindows(int windows, RunPhases phase, RunPlan plan) {
        this(windows, phase, plan, false);
    }

    /**
     * Windows, the stages of {@code plan} and its second-by-second series, whose seconds keep their
     * histograms when {@code keepHistograms} (a part of a distributed run, merged later).
     */
    RunWindows(int windows, RunPhases phase, RunPlan plan, boolean keepHistograms) {
        this(windows, phase, new StageWindows(plan.stageLengths()),
                new SecondSeries(phase, plan.warmUp(), plan.duration(), plan.requestTimeout(), keepHistograms));
    }

    private RunWindows(int windows, RunPhases phase, StageWindows stages, SecondSeries seconds) {
        this.windows = windows;
        this.phase = phase;
        this.total = new WindowSeries(windows);
        this.stages = stages;
        this.seconds = seconds;
    }

    /** Records a request that started in the measured phase. */
    void record(String operation, long startNanos, long latencyNanos, boolean failed) {
        long measured = phase.measuredEndNanos() - phase.measuredStartNanos();
        int window = (int) Math.min(windows - 1, (startNanos - phase.measuredStartNanos()) * (double) windows / measured);
        byOperation.computeIfAbsent(operation, name -> new WindowSeries(windows)).record(window, latencyNanos, failed);
        boolean inTotal = LoadEngine.countsInTotal(operation);
        if (inTotal) {
            total.record(window, latencyNanos, failed);
        }
        if (stages != null) {
            stages.record(operation, startNanos - phase.measuredStartNanos(), latencyNanos, failed);
        }
        if (seconds != null && inTotal) {
            seconds.record(startNanos, latencyNanos, failed);
        }
    }

    /** Counts a request that started in the warm-up, for live progress and the second-by-second series. */
    void countWarmUp(String operation, long startNanos, long latencyNanos, boolean failed) {
        warmUpRequests.increment();
        if (seconds != null && LoadEngine.countsInTotal(operation)) {
            seconds.record(startNanos, latencyNanos, failed);
        }
    }

    /** Requests started in the warm-up so far. */
    long warmUpRequests() {
        return warmUpRequests.sum();
    }

    SortedMap<String, WindowSeries> byOperation() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(byOperation));
    }

    WindowSeries total() {
        return total;
    }

    /** The stages' figures, or {@code null} for a run without stages (the event-loop driver's). */
    StageWindows stages() {
        return stages;
    }

    /** The second-by-second series, or {@code null} for a run without one. */
    SecondSeries seconds() {
        return seconds;
    }
}
