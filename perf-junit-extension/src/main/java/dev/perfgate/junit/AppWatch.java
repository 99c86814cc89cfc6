package dev.perfgate.junit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Watches the application container during a run and stops the run when the container is gone, so
 * that a crashed application fails its test within about a second instead of at the run's end.
 */
final class AppWatch implements AutoCloseable {

    /** How often the container's state is asked for. */
    static final Duration INTERVAL = Duration.ofMillis(500);

    private final Thread thread;

    private AppWatch(Thread thread) {
        this.thread = thread;
    }

    /** Starts watching: when {@code running} says false, {@code stop} is told why. */
    static AppWatch start(BooleanSupplier running, RunStop stop) {
        Thread thread = new Thread(() -> watch(running, stop), "perfgate-app-watch");
        thread.setDaemon(true);
        thread.start();
        return new AppWatch(thread);
    }

    private static void watch(BooleanSupplier running, RunStop stop) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            boolean alive;
            try {
                alive = running.getAsBoolean();
            } catch (RuntimeException e) {
                continue; // the engine did not answer this time: ask again
            }
            if (!alive) {
                stop.stop("the application container stopped during the run");
                return;
            }
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
