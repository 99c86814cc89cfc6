package dev.perfgate.junit;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import dev.perfgate.core.engine.LiveFigures;
import dev.perfgate.core.engine.LiveRun;
import dev.perfgate.core.engine.RunListener;
import dev.perfgate.core.time.ReadableDuration;

/**
 * Prints a progress line of a running load test every {@link LoadTest#PROGRESS_INTERVAL_PROPERTY}
 * (default {@value #DEFAULT_INTERVAL}), from a daemon timer that {@link #close} stops, e.g.
 * {@code [perfgate] GreetingLoadIT.greeting 00:12/00:30 measured, 8 users, 812.4 req/s, p95 14.2 ms, errors 0 (0.00 %)}.
 * A run shorter than the interval prints none. A run spread over workers prints its phase and time only
 * ({@link #startedOnWorkers}): the figures are the workers'.
 */
final class ProgressReporter implements RunListener, AutoCloseable {

    static final String DEFAULT_INTERVAL = "5s";

    private final String testId;
    private final Duration interval;
    private volatile ScheduledExecutorService timer;

    private ProgressReporter(String testId, Duration interval) {
        this.testId = testId;
        this.interval = interval;
    }

    /** A reporter with the interval of the system property; {@code "0s"} turns it off. */
    static ProgressReporter fromProperty(String testId) {
        String text = System.getProperty(LoadTest.PROGRESS_INTERVAL_PROPERTY, DEFAULT_INTERVAL);
        try {
            return new ProgressReporter(testId, ReadableDuration.parse(text, "system property " + LoadTest.PROGRESS_INTERVAL_PROPERTY));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    @Override
    public void started(LiveRun run) {
        every(() -> print(run));
    }

    /**
     * Prints where a run that {@code workers} workers carry out stands on this JVM's clock, its phase and time:
     * the coordinator has no figures until the workers end, and a build log silent for the whole run looks hung.
     * The workers print their own figures, in their logs.
     *
     * @param start    the workers' shared start
     * @param warmUp   the plan's warm-up
     * @param duration the plan's measured phase
     */
    void startedOnWorkers(Instant start, Duration warmUp, Duration duration, int workers) {
        every(() -> Console.say(workersLine(testId, Duration.between(start, Instant.now()), warmUp, duration, workers)));
    }

    /** The coordinator's line {@code sinceStart} after the workers' start, without the {@code [perfgate]} prefix. */
    static String workersLine(String testId, Duration sinceStart, Duration warmUp, Duration duration, int workers) {
        String on = "on " + workers + " workers";
        if (sinceStart.isNegative()) {
            return testId + " starts in " + clock(sinceStart.negated().plusMillis(999)) + ", " + on;
        }
        if (sinceStart.compareTo(warmUp) < 0) {
            return testId + " " + clock(sinceStart) + "/" + clock(warmUp) + " warm-up, " + on;
        }
        Duration measured = sinceStart.minus(warmUp);
        if (measured.compareTo(duration) < 0) {
            return testId + " " + clock(measured) + "/" + clock(duration) + " measured, " + on;
        }
        return testId + " measured phase over, waiting for the results of " + workers + " workers";
    }

    private void every(Runnable print) {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "perfgate-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer = started;
        started.scheduleAtFixedRate(() -> {
            try {
                print.run();
            } catch (RuntimeException e) {
                // progress is a courtesy: a failed line must not stop the next
            }
        }, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Time into a phase before its first line is worth printing. */
    private static final Duration MIN_ELAPSED = Duration.ofMillis(200);

    private void print(LiveRun run) {
        LiveFigures figures = run.figures();
        // A tick that lands on the start of a phase has nothing to say about it yet ("0.0 req/s").
        if (figures.phase() != LiveFigures.Phase.ENDED && figures.elapsed().compareTo(MIN_ELAPSED) >= 0) {
            Console.say(line(testId, figures));
        }
    }

    /** The progress line of {@code figures}, without the {@code [perfgate]} prefix. */
    static String line(String testId, LiveFigures figures) {
        StringBuilder line = new StringBuilder(testId).append(' ').append(clock(figures.elapsed())).append('/')
                .append(clock(figures.phaseLength())).append(figures.phase() == LiveFigures.Phase.WARM_UP ? " warm-up" : " measured");
        if (figures.open()) {
            if (figures.phase() != LiveFigures.Phase.WARM_UP) {
                line.append(String.format(Locale.ROOT, ", arrivals %.1f/s", figures.iterationsPerSecond()));
            }
            line.append(", ").append(figures.active()).append(" in flight");
            if (figures.phase() != LiveFigures.Phase.WARM_UP) {
                line.append(", dropped ").append(figures.dropped());
            }
        } else {
            line.append(", ").append(figures.active()).append(figures.active() == 1 ? " user" : " users");
        }
        line.append(String.format(Locale.ROOT, ", %.1f req/s", figures.requestsPerSecond()));
        if (figures.phase() != LiveFigures.Phase.WARM_UP) {
            line.append(Double.isNaN(figures.p95Millis()) ? ", p95 -" : String.format(Locale.ROOT, ", p95 %.1f ms", figures.p95Millis()));
            line.append(String.format(Locale.ROOT, ", errors %d (%.2f %%)", figures.errors(), figures.errorRate() * 100));
        }
        return line.toString();
    }

    private static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    /** Stops printing. */
    @Override
    public void close() {
        ScheduledExecutorService started = timer;
        if (started != null) {
            started.shutdownNow();
        }
    }
}
