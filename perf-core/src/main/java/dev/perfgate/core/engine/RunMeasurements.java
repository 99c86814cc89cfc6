package dev.perfgate.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Everything a run measured: per-operation latencies and errors, their total, and how the run ended.
 *
 * @param operations    statistics per operation name, sorted by name
 * @param total         all requests merged; failed checks ({@link LoadEngine#ITERATION_OPERATION}) are
 *                      reported as their own operation only
 * @param windows       per-window figures per operation name; requests of interrupted users included
 * @param totalWindows  per-window figures of all requests together
 * @param measuredStart wall-clock time at which the measured phase began
 * @param measured      length of the measured phase
 * @param iterations    scenario iterations started in the measured phase, all users together
 * @param abortReason   why the run did not end cleanly, or {@code null} when it did
 * @param firstFailure  the first exception a scenario threw, or {@code null}
 */
public record RunMeasurements(
        SortedMap<String, OperationStats> operations,
        OperationStats total,
        SortedMap<String, WindowSeries> windows,
        WindowSeries totalWindows,
        Instant measuredStart,
        Duration measured,
        long iterations,
        String abortReason,
        Throwable firstFailure) {

    public RunMeasurements {
        operations = Collections.unmodifiableSortedMap(operations);
        windows = Collections.unmodifiableSortedMap(windows);
    }

    /** Whether every virtual user stopped by itself before the run's deadline. */
    public boolean completed() {
        return abortReason == null;
    }

    /** The first exception a scenario threw, if any. */
    public Optional<Throwable> scenarioFailure() {
        return Optional.ofNullable(firstFailure);
    }

    /** Statistics of {@code operation}, if any request was made under that name. */
    public Optional<OperationStats> operation(String operation) {
        return Optional.ofNullable(operations.get(operation));
    }
}
