package dev.perfgate.core.engine;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import org.HdrHistogram.Histogram;

/**
 * A run while it goes on: its phases and, on demand, its {@link LiveFigures} so far. Reading costs
 * the reader only: the figures come from the run's shared per-window series and counters that the
 * load threads update anyway, so watching a run adds no lock and no allocation to its requests.
 *
 * <p>Thread-safe: {@link #figures()} may be called from any thread, as often as wanted (each call
 * copies the per-window histograms of the measured phase so far; once a second is cheap).
 */
public final class LiveRun {

    private final long startNanos;
    private final long measuredStartNanos;
    private final long measuredEndNanos;
    private final RunWindows windows;
    private final boolean open;
    private final IntSupplier active;
    private final LongSupplier iterationsStarted;
    private final LongSupplier dropped;
    private final RunStop stop;

    /**
     * {@code phase}: {start, measured start, measured end} in nanoTime, already fixed. {@code active}:
     * users still running (closed model) or iterations in flight (open model); {@code iterationsStarted}
     * and {@code dropped}: iterations of the measured phase; {@code stop}: where {@link #stop()} asks to end.
     */
    LiveRun(RunPhases phase, RunWindows windows, boolean open, IntSupplier active, LongSupplier iterationsStarted,
            LongSupplier dropped, RunStop stop) {
        this.stop = stop;
        this.startNanos = phase.startNanos();
        this.measuredStartNanos = phase.measuredStartNanos();
        this.measuredEndNanos = phase.measuredEndNanos();
        this.windows = windows;
        this.open = open;
        this.active = active;
        this.iterationsStarted = iterationsStarted;
        this.dropped = dropped;
    }

    /** {@link System#nanoTime()} at which the warm-up begins. */
    public long startNanos() {
        return startNanos;
    }

    /** {@link System#nanoTime()} at which the measured phase begins (the end of the warm-up). */
    public long measuredStartNanos() {
        return measuredStartNanos;
    }

    /** {@link System#nanoTime()} at which the measured phase ends: no iteration starts from then on. */
    public long measuredEndNanos() {
        return measuredEndNanos;
    }

    /**
     * Ends the run early: no iteration starts from now on; those running finish as at the planned end.
     * The result keeps the planned measured length (its throughput is per planned second) and says that
     * it was stopped. Used by stress runs once a step broke an objective; safe from any thread, once or more.
     */
    public void stop() {
        stop.request();
    }

    /** Whether {@link #stop()} was called. */
    public boolean stopped() {
        return stop.requested();
    }

    /**
     * The figures of each stage of the plan's schedule so far (requests count once they completed), or
     * {@code null} for a driver that keeps none.
     */
    public StageWindows stages() {
        return windows.stages();
    }

    /** The figures so far. */
    public LiveFigures figures() {
        return figuresAt(System.nanoTime());
    }

    LiveFigures figuresAt(long nowNanos) {
        int activeNow = active.getAsInt();
        if (nowNanos - measuredStartNanos < 0) {
            long elapsed = Math.max(0, nowNanos - startNanos);
            long requests = windows.warmUpRequests();
            return new LiveFigures(LiveFigures.Phase.WARM_UP, Duration.ofNanos(elapsed),
                    Duration.ofNanos(measuredStartNanos - startNanos), requests, 0, perSecond(requests, elapsed), Double.NaN,
                    open, activeNow, 0, 0, 0);
        }
        long length = measuredEndNanos - measuredStartNanos;
        long elapsed = Math.min(nowNanos, measuredEndNanos) - measuredStartNanos;
        WindowSeries total = windows.total();
        int lastWindow = (int) Math.min(total.windows() - 1, elapsed * (double) total.windows() / length);
        long requests = 0;
        long errors = 0;
        Histogram latencyMicros = new Histogram(2);
        for (int window = 0; window <= lastWindow; window++) {
            requests += total.requests(window);
            errors += total.errors(window);
            latencyMicros.add(total.latencyMicros(window));
        }
        double p95Millis = latencyMicros.getTotalCount() == 0 ? Double.NaN
                : latencyMicros.getValueAtPercentile(95) / (double) TimeUnit.MILLISECONDS.toMicros(1);
        long started = iterationsStarted.getAsLong();
        LiveFigures.Phase phase = nowNanos - measuredEndNanos < 0 ? LiveFigures.Phase.MEASURED : LiveFigures.Phase.ENDED;
        return new LiveFigures(phase, Duration.ofNanos(elapsed), Duration.ofNanos(length), requests, errors,
                perSecond(requests, elapsed), p95Millis, open, activeNow, started, perSecond(started, elapsed),
                dropped.getAsLong());
    }

    private static double perSecond(long count, long nanos) {
        return nanos <= 0 ? 0 : count * 1e9 / nanos;
    }
}
