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
    private final long[] phase;
    private final ConcurrentMap<String, WindowSeries> byOperation = new ConcurrentHashMap<>();
    private final WindowSeries total;
    private final LongAdder warmUpRequests = new LongAdder();

    /** {@code phase}: {start, measured start, measured end} in nanoTime, filled in before the run begins. */
    RunWindows(int windows, long[] phase) {
        this.windows = windows;
        this.phase = phase;
        this.total = new WindowSeries(windows);
    }

    /** Records a request that started in the measured phase. */
    void record(String operation, long startNanos, long latencyNanos, boolean failed) {
        long measured = phase[2] - phase[1];
        int window = (int) Math.min(windows - 1, (startNanos - phase[1]) * (double) windows / measured);
        byOperation.computeIfAbsent(operation, name -> new WindowSeries(windows)).record(window, latencyNanos, failed);
        if (LoadEngine.countsInTotal(operation)) {
            total.record(window, latencyNanos, failed);
        }
    }

    /** Counts a request that started in the warm-up, for live progress only. */
    void countWarmUp() {
        warmUpRequests.increment();
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
}
