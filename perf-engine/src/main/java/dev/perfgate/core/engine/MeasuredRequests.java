package dev.perfgate.core.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.perfgate.core.http.ErrorKind;
import dev.perfgate.core.http.RequestRecorder;

/**
 * The requests of a run's measured phase, by operation. Thread-safe: the engine's users (or the open
 * model's workers) all record into one, so its size is one {@link OperationStats} per operation
 * whatever the number of users. Requests that started during warm-up or after the measured phase
 * ended are not counted.
 */
final class MeasuredRequests implements RequestRecorder {

    private final RunPhases phase;
    private final RunWindows windows;
    private final Map<String, OperationStats> byOperation = new ConcurrentHashMap<>();

    /** {@code phase}: {start, measured start, measured end} in nanoTime, filled in before the run begins. */
    MeasuredRequests(RunPhases phase, RunWindows windows) {
        this.phase = phase;
        this.windows = windows;
    }

    @Override
    public void record(String operation, long startNanos, long latencyNanos, ErrorKind error) {
        OperationStats stats = measured(operation, startNanos, latencyNanos, error != null);
        if (stats == null) {
            return;
        }
        if (error == null) {
            stats.recordSuccess(latencyNanos);
        } else {
            stats.recordError(error);
        }
    }

    @Override
    public void recordFailedCheck(String operation, long startNanos, long latencyNanos, String failure) {
        OperationStats stats = measured(operation, startNanos, latencyNanos, true);
        if (stats != null) {
            stats.recordFailedCheck(failure);
        }
    }

    /** The stats a request that started at {@code startNanos} goes to, or {@code null} when it is not measured. */
    private OperationStats measured(String operation, long startNanos, long latencyNanos, boolean failed) {
        if (startNanos - phase.measuredStartNanos() < 0) {
            windows.countWarmUp(operation, startNanos, latencyNanos, failed);
            return null;
        }
        if (startNanos - phase.measuredEndNanos() >= 0) {
            return null;
        }
        windows.record(operation, startNanos, latencyNanos, failed);
        return byOperation.computeIfAbsent(operation, name -> new OperationStats());
    }

    Map<String, OperationStats> byOperation() {
        return byOperation;
    }
}
