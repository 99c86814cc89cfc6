package dev.perfgate.core.engine;

import java.time.Duration;

/**
 * When a run started and when its measured phase starts and ends, on {@link System#nanoTime()}'s clock.
 * The parts of a run (windows, seconds, recorders, the live view) are built before it starts and share
 * one instance; {@link #begin} sets it once, before any user thread starts, which publishes it to them.
 *
 * <pre>{@code
 * RunPhases phases = new RunPhases();
 * RunWindows windows = new RunWindows(10, phases);
 * phases.begin(System.nanoTime(), plan.warmUp(), plan.duration());
 * }</pre>
 */
final class RunPhases {

    private long startNanos;
    private long measuredStartNanos;
    private long measuredEndNanos;

    /** Phases already begun at {@code startNanos}: for a run recorded elsewhere and for tests. */
    static RunPhases begun(long startNanos, Duration warmUp, Duration duration) {
        RunPhases phases = new RunPhases();
        phases.begin(startNanos, warmUp, duration);
        return phases;
    }

    /** The run starts at {@code nanos}: warm-up for {@code warmUp}, then measured for {@code duration}. */
    void begin(long nanos, Duration warmUp, Duration duration) {
        startNanos = nanos;
        measuredStartNanos = nanos + warmUp.toNanos();
        measuredEndNanos = measuredStartNanos + duration.toNanos();
    }

    /** When the run (its warm-up) started. */
    long startNanos() {
        return startNanos;
    }

    /** When the measured phase starts. */
    long measuredStartNanos() {
        return measuredStartNanos;
    }

    /** When the measured phase ends. */
    long measuredEndNanos() {
        return measuredEndNanos;
    }
}
