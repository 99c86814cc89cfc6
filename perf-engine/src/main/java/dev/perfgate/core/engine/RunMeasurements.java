package dev.perfgate.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

import dev.perfgate.core.result.SecondFigures;

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
 * @param iterations    scenario iterations that actually started in the measured phase, all users together
 * @param scheduledIterations iterations the plan called for in the measured phase: in the open model, the
 *                      arrivals due in it; in the closed model, every iteration a user began ({@code iterations})
 * @param droppedIterations arrivals due in the measured phase that were not started because
 *                      {@link OpenLoadPlan#maxInFlight()} iterations were running; 0 in the closed model
 * @param abortReason   why the run did not end cleanly, or {@code null} when it did
 * @param firstFailure  the first exception a scenario threw, or {@code null}
 * @param stages        figures per stage of the plan's schedule, or {@code null} when the driver keeps none
 * @param seconds       figures second by second, warm-up included, up to where the run ended; empty when
 *                      the driver keeps none
 * @param stoppedEarly  whether the run was stopped before the end of its measured phase ({@link LiveRun#stop()})
 * @param ranFor        how much of the measured phase ran: {@code measured}, or less when the run was stopped
 *                      early; rates (throughput, iterations per second) are per second of it, while the
 *                      windows keep the plan's length ({@code null}: {@code measured})
 * @param segment       which part of a distributed run this was ({@code null}: {@link Segment#WHOLE})
 */
public record RunMeasurements(
        SortedMap<String, OperationStats> operations,
        OperationStats total,
        SortedMap<String, WindowSeries> windows,
        WindowSeries totalWindows,
        Instant measuredStart,
        Duration measured,
        long iterations,
        long scheduledIterations,
        long droppedIterations,
        String abortReason,
        Throwable firstFailure,
        StageWindows stages,
        List<SecondFigures> seconds,
        boolean stoppedEarly,
        Duration ranFor,
        Segment segment) {

    public RunMeasurements {
        ranFor = ranFor == null ? measured : ranFor;
        segment = segment == null ? Segment.WHOLE : segment;
        operations = Collections.unmodifiableSortedMap(operations);
        windows = Collections.unmodifiableSortedMap(windows);
        seconds = seconds == null ? List.of() : List.copyOf(seconds);
    }

    /** Figures of a whole run. */
    public RunMeasurements(SortedMap<String, OperationStats> operations, OperationStats total,
            SortedMap<String, WindowSeries> windows, WindowSeries totalWindows, Instant measuredStart, Duration measured,
            long iterations, long scheduledIterations, long droppedIterations, String abortReason, Throwable firstFailure,
            StageWindows stages, List<SecondFigures> seconds, boolean stoppedEarly, Duration ranFor) {
        this(operations, total, windows, totalWindows, measuredStart, measured, iterations, scheduledIterations,
                droppedIterations, abortReason, firstFailure, stages, seconds, stoppedEarly, ranFor, Segment.WHOLE);
    }

    /** Figures without stages or seconds, as drivers that keep none report them. */
    public RunMeasurements(SortedMap<String, OperationStats> operations, OperationStats total,
            SortedMap<String, WindowSeries> windows, WindowSeries totalWindows, Instant measuredStart, Duration measured,
            long iterations, long scheduledIterations, long droppedIterations, String abortReason, Throwable firstFailure) {
        this(operations, total, windows, totalWindows, measuredStart, measured, iterations, scheduledIterations,
                droppedIterations, abortReason, firstFailure, null, List.of(), false, measured);
    }

    /** Figures of a closed-model run, where every iteration begun was scheduled and none is dropped. */
    public RunMeasurements(SortedMap<String, OperationStats> operations, OperationStats total,
            SortedMap<String, WindowSeries> windows, WindowSeries totalWindows, Instant measuredStart, Duration measured,
            long iterations, String abortReason, Throwable firstFailure) {
        this(operations, total, windows, totalWindows, measuredStart, measured, iterations, iterations, 0, abortReason,
                firstFailure);
    }

    /** Iterations that actually started per second of the measured phase: the achieved arrival rate. */
    public double iterationsPerSecond() {
        return perSecondRun(iterations);
    }

    /** Iterations the plan called for per second of the measured phase: the intended arrival rate. */
    public double scheduledIterationsPerSecond() {
        return perSecondRun(scheduledIterations);
    }

    /** {@code count} per second of the measured phase that ran; 0 when none of it ran (stopped in warm-up). */
    public double perSecondRun(long count) {
        double seconds = ranFor.toNanos() / 1e9;
        return seconds <= 0 ? 0 : count / seconds;
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
