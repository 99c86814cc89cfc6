package dev.perfgate.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import dev.perfgate.core.http.RequestRecorder;
import dev.perfgate.core.result.SecondFigures;

/**
 * The figures of one run while a load driver records them, for drivers other than
 * {@link LoadEngine} (e.g. the event-loop driver). Each recording thread gets a
 * {@link RequestRecorder} of its own, so that the figures of a thread that does not stop can be left
 * out; {@link #finish} merges them into the same {@link RunMeasurements} the engine returns.
 *
 * <pre>{@code
 * RunRecording recording = new RunRecording(10);
 * RequestRecorder loop1 = recording.newThreadRecorder();      // one per thread, before start
 * recording.start(System.nanoTime(), plan.warmUp(), plan.duration());
 * // ... threads call loop1.record(...) ...
 * RunMeasurements m = recording.finish(null);                // after the threads stopped
 * }</pre>
 *
 * <p>Not thread-safe itself: create recorders, start and finish from one thread. A recorder may
 * only be used by one thread at a time.
 */
public final class RunRecording {

    // {start, measured start, measured end} in nanoTime, as MeasuredRequests and RunWindows expect.
    private final long[] phase = new long[3];
    private final RunWindows windows;
    private final List<MeasuredRequests> recorders = new ArrayList<>();
    private final List<MeasuredRequests> leftOut = new ArrayList<>();
    private Instant measuredStart;
    private Duration measured;

    /** A recording that cuts the measured phase into {@code windows} windows (see {@link LoadEngine#LoadEngine(int)}). */
    public RunRecording(int windows) {
        this.windows = new RunWindows(requireWindows(windows), phase);
    }

    /**
     * Returns {@code windows} when it is a window count a run can be cut into (1 to 1,000).
     *
     * @throws IllegalArgumentException naming the count and the range
     */
    public static int requireWindows(int windows) {
        if (windows < 1 || windows > 1_000) {
            throw new IllegalArgumentException("windows: " + windows + " is out of range; use 1 to 1000, e.g. 10");
        }
        return windows;
    }

    /**
     * A recorder for one thread. Requests it is given count only when they started in the measured
     * phase. Create all recorders before {@link #start}; the thread that uses one must see the start,
     * e.g. by being handed its work after it.
     */
    public RequestRecorder newThreadRecorder() {
        MeasuredRequests recorder = new MeasuredRequests(phase, windows);
        recorders.add(recorder);
        return recorder;
    }

    /** Fixes the phases: warm-up from {@code startNanos} ({@link System#nanoTime()}), then the measured phase. */
    public void start(long startNanos, Duration warmUp, Duration duration) {
        phase[0] = startNanos;
        phase[1] = startNanos + warmUp.toNanos();
        phase[2] = phase[1] + duration.toNanos();
        measuredStart = Instant.now().plus(warmUp);
        measured = duration;
    }

    /** {@link System#nanoTime()} at which the run (its warm-up) begins. */
    public long startNanos() {
        return phase[0];
    }

    /** {@link System#nanoTime()} at which the measured phase begins. */
    public long measuredStartNanos() {
        return phase[1];
    }

    /** {@link System#nanoTime()} at which the measured phase ends: no request may start from then on. */
    public long measuredEndNanos() {
        return phase[2];
    }

    /** Leaves the figures of {@code recorder} out of the result, e.g. when its thread could not be stopped. */
    public void leaveOut(RequestRecorder recorder) {
        leftOut.add((MeasuredRequests) recorder);
    }

    /**
     * Merges what every recorder holds. Call after the recording threads stopped (or after leaving
     * out those that did not).
     *
     * @param abortReason why the run did not end cleanly, or {@code null} when it did
     */
    public RunMeasurements finish(String abortReason) {
        return finish(abortReason, -1);
    }

    /**
     * The run's figures, as {@link #finish(String)}, for a run paced to {@code scheduled} requests due in
     * the measured phase: those not sent by its end (the connections were all busy) count as dropped.
     * A negative {@code scheduled} means the run was not paced.
     */
    public RunMeasurements finish(String abortReason, long scheduled) {
        List<MeasuredRequests> kept = new ArrayList<>(recorders);
        kept.removeAll(leftOut);
        RunMeasurements merged = merge(kept, windows, measuredStart, measured, 0, abortReason, null);
        // One request per iteration: the driver has no scenario of its own.
        long started = merged.total().requestCount();
        long due = scheduled < 0 ? started : scheduled;
        return new RunMeasurements(merged.operations(), merged.total(), merged.windows(), merged.totalWindows(),
                measuredStart, measured, started, due, Math.max(0, due - started), abortReason, null);
    }

    /** Merges per-thread (or per-run) figures into the run's. */
    static RunMeasurements merge(List<MeasuredRequests> recorders, RunWindows windows, Instant measuredStart,
            Duration measured, long iterations, String abortReason, Throwable firstFailure) {
        return merge(recorders, windows, measuredStart, measured, iterations, iterations, 0, abortReason, firstFailure);
    }

    /**
     * The figures of every recorder in {@code recorders} merged, with the iteration counts of the run:
     * {@code scheduledIterations} and {@code droppedIterations} differ from {@code iterations} in the open model only.
     */
    static RunMeasurements merge(List<MeasuredRequests> recorders, RunWindows windows, Instant measuredStart,
            Duration measured, long iterations, long scheduledIterations, long droppedIterations, String abortReason,
            Throwable firstFailure) {
        return merge(recorders, windows, measuredStart, measured, iterations, scheduledIterations, droppedIterations, abortReason,
                firstFailure, List.of(), measured);
    }

    /**
     * As above, with the run's seconds and {@code ranFor}, the part of the measured phase that ran: shorter
     * than {@code measured} when the run was stopped before its end.
     */
    static RunMeasurements merge(List<MeasuredRequests> recorders, RunWindows windows, Instant measuredStart,
            Duration measured, long iterations, long scheduledIterations, long droppedIterations, String abortReason,
            Throwable firstFailure, List<SecondFigures> seconds, Duration ranFor) {
        return merge(recorders, windows, measuredStart, measured, iterations, scheduledIterations, droppedIterations, abortReason,
                firstFailure, seconds, ranFor, ranFor.compareTo(measured) < 0);
    }

    /**
     * As above, with whether the run was stopped early told apart from {@code ranFor}: in an interleaved run
     * {@code ranFor} is one target's share of the users' time ({@link LoadEngine#runInterleaved}).
     */
    static RunMeasurements merge(List<MeasuredRequests> recorders, RunWindows windows, Instant measuredStart,
            Duration measured, long iterations, long scheduledIterations, long droppedIterations, String abortReason,
            Throwable firstFailure, List<SecondFigures> seconds, Duration ranFor, boolean stoppedEarly) {
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
        return new RunMeasurements(operations, total, windows.byOperation(), windows.total(), measuredStart, measured,
                iterations, scheduledIterations, droppedIterations, abortReason, firstFailure, windows.stages(), seconds,
                stoppedEarly, ranFor);
    }
}
