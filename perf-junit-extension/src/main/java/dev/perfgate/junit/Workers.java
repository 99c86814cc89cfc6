package dev.perfgate.junit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.perfgate.core.result.LoadTestResult;

/**
 * The running workers of one distributed run, whatever started them ({@link Orchestrator}). Every wait is
 * bounded; a worker that fails, is late or reports nothing fails the run with its name and the tail of its
 * log; {@link #close} ends and removes whatever is still running, so nothing outlives the test.
 */
interface Workers extends AutoCloseable {

    /**
     * Waits, bounded by {@code readyWait}, until the workers can start, and returns the instant every part
     * starts at.
     *
     * @throws AssertionError naming a worker that ended first or was not ready in time, with its log's tail
     */
    Instant begin(Duration readyWait) throws InterruptedException;

    /**
     * Waits for every worker to end, bounded by {@code timeout}, and returns the result of each part, in
     * part order.
     *
     * @throws AssertionError naming a worker that failed, reported no result or did not end in time, with its
     *         log's tail
     */
    List<LoadTestResult> awaitParts(Duration timeout) throws InterruptedException;

    /** Ends and removes every worker still running, and waits for it. */
    @Override
    void close();
}
