package dev.perfgate.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.perfgate.core.http.RequestRecorder;

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
    private final RunPhases phase = new RunPhases();
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
        phase.begin(startNanos, warmUp, duration);
        measuredStart = Instant.now().plus(warmUp);
        measured = duration;
    }

    /** {@link System#nanoTime()} at which the run (its warm-up) begins. */
    public long startNanos() {
        return phase.startNanos();
    }

    /** {@link System#nanoTime()} at which the measured phase begins. */
    public long measuredStartNanos() {
        return phase.measuredStartNanos();
    }

    /** {@link System#nanoTime()} at which the measured phase ends: no request may start from then on. */
    public long measuredEndNanos() {
        return phase.measuredEndNanos();
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
        RunMeasurements merged = MergedRun.of(kept, windows, measuredStart, measured).ended(abortReason, null).measurements();
        // One request per iteration: the driver has no scenario of its own.
        long started = merged.total().requestCount();
        long due = scheduled < 0 ? started : scheduled;
        return new RunMeasurements(merged.operations(), merged.total(), merged.windows(), merged.totalWindows(),
                measuredStart, measured, started, due, Math.max(0, due - started), abortReason, null);
    }
}
