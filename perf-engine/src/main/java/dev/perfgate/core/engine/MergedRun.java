package dev.perfgate.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

import dev.perfgate.core.result.SecondFigures;

/**
 * The figures of a run's recorders merged into its {@link RunMeasurements}, with what the run knows besides:
 * its iterations, how it ended, its seconds. Each part has its own call, so a run states only what it has.
 *
 * <pre>{@code
 * RunMeasurements run = MergedRun.of(recorders, windows, measuredStart, plan.duration())
 *         .iterations(started, scheduled, dropped)
 *         .ended(abortReason, firstFailure)
 *         .seconds(seconds, ranFor)
 *         .measurements();
 * }</pre>
 */
final class MergedRun {

    private final List<MeasuredRequests> recorders;
    private final RunWindows windows;
    private final Instant measuredStart;
    private final Duration measured;
    private long iterations;
    private long scheduledIterations;
    private long droppedIterations;
    private String abortReason;
    private Throwable firstFailure;
    private List<SecondFigures> seconds = List.of();
    private Duration ranFor;
    private Boolean stoppedEarly;
    private Segment segment = Segment.WHOLE;

    private MergedRun(List<MeasuredRequests> recorders, RunWindows windows, Instant measuredStart, Duration measured) {
        this.recorders = recorders;
        this.windows = windows;
        this.measuredStart = measuredStart;
        this.measured = measured;
        this.ranFor = measured;
    }

    /** The figures of {@code recorders} and {@code windows}, of a measured phase that began at {@code measuredStart}. */
    static MergedRun of(List<MeasuredRequests> recorders, RunWindows windows, Instant measuredStart, Duration measured) {
        return new MergedRun(recorders, windows, measuredStart, measured);
    }

    /** Iterations started in the measured phase, of as many due and none dropped (the closed model). */
    MergedRun iterations(long started) {
        return iterations(started, started, 0);
    }

    /** Iterations started in the measured phase, {@code scheduled} due and {@code dropped} of those never started (the open model). */
    MergedRun iterations(long started, long scheduled, long dropped) {
        this.iterations = started;
        this.scheduledIterations = scheduled;
        this.droppedIterations = dropped;
        return this;
    }

    /** Why the run was aborted ({@code null}: it was not) and the scenario's first failure ({@code null}: none). */
    MergedRun ended(String reason, Throwable failure) {
        this.abortReason = reason;
        this.firstFailure = failure;
        return this;
    }

    /**
     * The run's seconds and {@code ran}, the part of the measured phase that ran: shorter than the phase when the
     * run was stopped before its end.
     */
    MergedRun seconds(List<SecondFigures> figures, Duration ran) {
        this.seconds = figures;
        this.ranFor = ran;
        return this;
    }

    /**
     * Whether the run was stopped early, when {@code ranFor} cannot tell: in an interleaved run it is one
     * target's share of the users' time ({@link LoadEngine#runInterleaved}).
     */
    MergedRun stoppedEarly(boolean early) {
        this.stoppedEarly = early;
        return this;
    }

    /** Which part of a distributed run this was. */
    MergedRun segment(Segment part) {
        this.segment = part;
        return this;
    }

    /** The run's figures. */
    RunMeasurements measurements() {
        TreeMap<String, OperationStats> operations = new TreeMap<>();
        OperationStats total = new OperationStats();
        for (MeasuredRequests recorder : recorders) {
            recorder.byOperation().forEach((name, stats) -> {
                operations.computeIfAbsent(name, n -> new OperationStats()).add(stats);
                if (LoadEngine.countsInTotal(name)) {
                    total.add(stats);
                }
            });
        }
        boolean early = stoppedEarly != null ? stoppedEarly : ranFor.compareTo(measured) < 0;
        return new RunMeasurements(operations, total, windows.byOperation(), windows.total(), measuredStart, measured,
                iterations, scheduledIterations, droppedIterations, abortReason, firstFailure, windows.stages(), seconds,
                early, ranFor, segment);
    }
}
