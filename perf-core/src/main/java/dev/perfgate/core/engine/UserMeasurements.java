package dev.perfgate.core.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * The requests one virtual user made in the measured phase. Requests that started during warm-up
 * or after the measured phase ended are not counted.
 */
final class UserMeasurements implements RequestRecorder {

    private final long measureStartNanos;
    private final long measureEndNanos;
    private final Map<String, OperationStats> byOperation = new HashMap<>();

    UserMeasurements(long measureStartNanos, long measureEndNanos) {
        this.measureStartNanos = measureStartNanos;
        this.measureEndNanos = measureEndNanos;
    }

    @Override
    public void record(String operation, long startNanos, long latencyNanos, ErrorKind error) {
        if (startNanos - measureStartNanos < 0 || startNanos - measureEndNanos >= 0) {
            return;
        }
        OperationStats stats = byOperation.computeIfAbsent(operation, name -> new OperationStats());
        if (error == null) {
            stats.recordSuccess(latencyNanos);
        } else {
            stats.recordError(error);
        }
    }

    Map<String, OperationStats> byOperation() {
        return byOperation;
    }
}
