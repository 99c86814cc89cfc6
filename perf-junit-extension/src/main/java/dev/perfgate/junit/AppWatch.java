package dev.perfgate.junit;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Watches the application container during a run and stops the run when the container is gone, so
 * that a crashed application fails its test within about a second instead of at the run's end.
 * Closing it is never an interrupt: the Docker client logs an interrupted request (a
 * {@code ClosedByInterruptException} it retries) at INFO, one line in the user's test log per run.
 */
final class AppWatch implements AutoCloseable {

    /** How often the container's state is asked for. */
    static final Duration INTERVAL = Duration.ofMillis(500);

    /** How long {@link #close()} waits for a question to the engine that is under way. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final Thread thread;
    private final CountDownLatch closed;

    private AppWatch(Thread thread, CountDownLatch closed) {
        this.thread = thread;
        this.closed = closed;
    }

    /** Starts watching: when {@code running} says false, {@code stop} is told why. */
    static AppWatch start(BooleanSupplier running, RunStop stop) {
        CountDownLatch closed = new CountDownLatch(1);
        Thread thread = new Thread(() -> watch(running, stop, closed), "perfgate-app-watch");
        thread.setDaemon(true);
        thread.start();
        return new AppWatch(thread, closed);
    }

    private static void watch(BooleanSupplier running, RunStop stop, CountDownLatch closed) {
        while (true) {
            try {
                if (closed.await(INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            boolean alive;
            try {
                alive = running.getAsBoolean();
            } catch (RuntimeException e) {
                continue; // the engine did not answer this time: ask again
            }
            if (!alive && closed.getCount() > 0) { // a container stopped after the run is the teardown's
                stop.stop("the application container stopped during the run");
                return;
            }
        }
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            thread.join(CLOSE_WAIT.toMillis()); // a daemon: one stuck on a hung engine does not keep the JVM
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
