package dev.perfgate.core.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * One operation's figures per window of the measured phase: the phase is cut into equal windows so
 * that the gate can compare a run with its baseline window by window (samples of one long run are
 * autocorrelated; window figures are close to independent). Shared by all users of a run and
 * thread-safe: each window's histogram takes concurrent writers without locks.
 *
 * <p>Window latencies keep 2 significant digits (1 % resolution), enough for per-window percentiles;
 * the run's exact histogram is kept apart in {@link OperationStats}.
 */
public final class WindowSeries {

    private final ConcurrentHistogram[] latencyMicros;
    private final AtomicLongArray requests;
    private final AtomicLongArray errors;

    WindowSeries(int windows) {
        latencyMicros = new ConcurrentHistogram[windows];
        for (int i = 0; i < windows; i++) {
            latencyMicros[i] = new ConcurrentHistogram(2);
        }
        requests = new AtomicLongArray(windows);
        errors = new AtomicLongArray(windows);
    }

    void record(int window, long latencyNanos, boolean failed) {
        requests.incrementAndGet(window);
        if (failed) {
            errors.incrementAndGet(window);
        } else {
            latencyMicros[window].recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(latencyNanos)));
        }
    }

    /** How many windows the measured phase was cut into. */
    public int windows() {
        return requests.length();
    }

    /** Requests started in {@code window}, successful and failed. */
    public long requests(int window) {
        return requests.get(window);
    }

    /** Failed requests started in {@code window}. */
    public long errors(int window) {
        return errors.get(window);
    }

    /** Latencies of the successful requests of {@code window}, in microseconds; a copy. */
    public Histogram latencyMicros(int window) {
        return latencyMicros[window].copy();
    }
}
