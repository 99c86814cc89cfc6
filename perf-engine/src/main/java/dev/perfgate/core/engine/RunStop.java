package dev.perfgate.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to end a run before its measured phase is over ({@link LiveRun#stop()}): no iteration
 * starts after it, and iterations running finish as at the planned end. Thread-safe.
 */
final class RunStop {

    // Sleepers wait on the latch rather than waking now and then to look at a flag: 10,000 users
    // thinking for seconds must cost no CPU (waking every 50 ms, they kept both cores busy).
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile long atNanos;
    private volatile boolean requested;
    private final List<Runnable> onRequest = new ArrayList<>();

    /** Stops the run now, waking every sleeper; a second request keeps the first time. */
    synchronized void request() {
        if (!requested) {
            atNanos = System.nanoTime();
            requested = true;
            stopped.countDown();
            onRequest.forEach(Runnable::run);
        }
    }

    /**
     * Runs {@code wake} when a stop is requested, or now if one was: for threads that sleep some other
     * way than {@link #sleepUntil(long)}.
     */
    synchronized void onRequest(Runnable wake) {
        if (requested) {
            wake.run();
        } else {
            onRequest.add(wake);
        }
    }

    boolean requested() {
        return requested;
    }

    /** {@link System#nanoTime()} of the request, or {@code otherwise} when none came. */
    long atNanosOr(long otherwise) {
        return requested ? atNanos : otherwise;
    }

    /**
     * How much of the measured phase, from {@code measureStartNanos} to {@code measureEndNanos}
     * ({@link System#nanoTime()}), ran before the stop: all of it when no stop came, none when the
     * stop came in the warm-up.
     */
    Duration ranFor(long measureStartNanos, long measureEndNanos) {
        long end = atNanosOr(measureEndNanos);
        return Duration.ofNanos(Math.max(0, Math.min(end, measureEndNanos) - measureStartNanos));
    }

    /** Sleeps until {@code nanos} or until a stop is requested, whichever comes first; false when stopped. */
    boolean sleepUntil(long nanos) throws InterruptedException {
        while (!requested) {
            long remaining = nanos - System.nanoTime();
            if (remaining <= 0) {
                return true;
            }
            stopped.await(remaining, TimeUnit.NANOSECONDS);
        }
        return false;
    }
}
