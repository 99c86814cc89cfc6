package dev.perfgate.core.engine;

import dev.perfgate.core.http.ErrorKind;
import dev.perfgate.core.http.RequestRecorder;

/**
 * Times an open-model iteration from when it was due rather than from when it began: the first
 * request of each iteration is recorded as starting at the iteration's due time, so any delay before
 * it could start (a late dispatcher, a worker being started, a hand-off) is in its latency; the
 * iteration's later requests are recorded as they are, from their own start, because their start
 * waited only for the responses already recorded. Nothing waited is lost and nothing is counted twice.
 *
 * <p>Confined to one worker thread (it holds that worker's due time); the {@link MeasuredRequests} it wraps is shared.
 */
final class IntendedStartRecorder implements RequestRecorder {

    private final RequestRecorder measurements;
    private long dueNanos;
    private boolean firstRequestPending;

    IntendedStartRecorder(RequestRecorder measurements) {
        this.measurements = measurements;
    }

    /** Starts an iteration that was due at {@code dueNanos} ({@link System#nanoTime()}). */
    void beginIteration(long dueNanos) {
        this.dueNanos = dueNanos;
        this.firstRequestPending = true;
    }

    @Override
    public void record(String operation, long startNanos, long latencyNanos, ErrorKind error) {
        long from = timedFrom(startNanos);
        measurements.record(operation, from, startNanos + latencyNanos - from, error);
    }

    @Override
    public void recordFailedCheck(String operation, long startNanos, long latencyNanos, String failure) {
        long from = timedFrom(startNanos);
        measurements.recordFailedCheck(operation, from, startNanos + latencyNanos - from, failure);
    }

    /** Where a request that started at {@code startNanos} is timed from: the due time for the iteration's first. */
    private long timedFrom(long startNanos) {
        if (firstRequestPending) {
            firstRequestPending = false;
            return Math.min(dueNanos, startNanos);
        }
        return startNanos;
    }
}
