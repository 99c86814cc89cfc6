package dev.perfgate.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The figures of each stage of a run's measured phase (the stages of its {@link UserSchedule} or
 * {@link ArrivalSchedule}), per operation and in total: one {@link WindowSeries} window per stage, so
 * that a stage can be judged on its own requests, e.g. a step of a stress run against the SLOs.
 * Requests count in the stage they started in. Thread-safe; recording takes no lock.
 */
public final class StageWindows {

    private final List<Duration> lengths;
    /** Nanoseconds from the measured start to the end of each stage. */
    private final long[] endNanos;
    private final ConcurrentMap<String, WindowSeries> byOperation = new ConcurrentHashMap<>();
    private final WindowSeries total;

    StageWindows(List<Duration> lengths) {
        this.lengths = List.copyOf(lengths);
        endNanos = new long[lengths.size()];
        long end = 0;
        for (int i = 0; i < lengths.size(); i++) {
            end += lengths.get(i).toNanos();
            endNanos[i] = end;
        }
        total = new WindowSeries(lengths.size());
    }

    void record(String operation, long offsetNanos, long latencyNanos, boolean failed) {
        int stage = 0;
        while (stage < endNanos.length - 1 && offsetNanos >= endNanos[stage]) {
            stage++;
        }
        byOperation.computeIfAbsent(operation, name -> new WindowSeries(endNanos.length)).record(stage, latencyNanos, failed);
        if (LoadEngine.countsInTotal(operation)) {
            total.record(stage, latencyNanos, failed);
        }
    }

    /** The stages' lengths, in order. */
    public List<Duration> lengths() {
        return lengths;
    }

    /** When each stage starts, from the start of the measured phase. */
    public List<Duration> starts() {
        List<Duration> starts = new ArrayList<>(lengths.size());
        for (int i = 0; i < endNanos.length; i++) {
            starts.add(Duration.ofNanos(i == 0 ? 0 : endNanos[i - 1]));
        }
        return starts;
    }

    /** Figures of all requests together (failed checks aside), one window per stage. */
    public WindowSeries total() {
        return total;
    }

    /** Figures per operation, one window per stage. */
    public SortedMap<String, WindowSeries> byOperation() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(byOperation));
    }
}
