package dev.perfgate.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.perfgate.core.result.SecondFigures;

/**
 * The thread work both models share: telling a listener that a run started, sleeping until a time,
 * waiting for users until a deadline (and interrupting those still busy), ending the seconds sampler.
 *
 * <pre>{@code
 * List<Integer> stuck = RunThreads.awaitUsers(threads, phases.measuredEndNanos() + grace.toNanos());
 * }</pre>
 */
final class RunThreads {

    private RunThreads() {
    }

    /** Tells {@code listener} that {@code run} started; what it throws must not stop the load. */
    static void notifyStarted(RunListener listener, LiveRun run) {
        try {
            listener.started(run);
        } catch (RuntimeException ignored) {
            // a listener only watches: the run goes on without it
        }
    }

    /** Stops the sampler and returns the run's seconds, up to its end or to where it was stopped. */
    static List<SecondFigures> finishSeconds(RunWindows runWindows, Thread sampler, RunStop stop, RunPhases phase) {
        sampler.interrupt();
        try {
            sampler.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return runWindows.seconds().finish(stop.atNanosOr(phase.measuredEndNanos()));
    }

    /** Sleeps until {@link System#nanoTime()} reaches {@code nanos}; returns at once when it has. */
    static void sleepUntil(long nanos) throws InterruptedException {
        long remaining = nanos - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
    }

    /** Waits for every user until the deadline; returns the indexes of those that had to be interrupted. */
    static List<Integer> awaitUsers(List<Thread> threads, long deadlineNanos) {
        List<Integer> stuck = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) {
            Thread thread = threads.get(i);
            joinUntil(thread, deadlineNanos);
            if (thread.isAlive()) {
                stuck.add(i);
                thread.interrupt();
            }
        }
        for (int index : stuck) {
            joinUntil(threads.get(index), System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
        }
        return stuck;
    }

    private static void joinUntil(Thread thread, long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.timedJoin(thread, remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
