package dev.perfgate.junit;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.perfgate.core.engine.Scenario;
import dev.perfgate.core.engine.VirtualUser;

/**
 * Ends a load run early and cleanly, keeping what it measured: when the application container dies
 * or the JVM is shutting down. Wraps the run's {@link Scenario}: once stopped, no iteration begins
 * (the engine ends a user whose iteration throws {@link InterruptedException}) and the users' threads
 * are interrupted, so that one blocked in a request or a pause ends at once. The closed model's engine
 * then merges every user's figures as usual; the open model's dispatcher is interrupted as well,
 * since it would otherwise walk its schedule to the end.
 *
 * <p>Thread-safe: {@link #stop} may come from any thread, e.g. a shutdown hook.
 */
final class RunStop implements Scenario {

    /** How long {@link #stop} waits for interrupted users before it interrupts the open model's dispatcher. */
    private static final Duration USERS_GRACE = Duration.ofSeconds(2);

    private final Scenario scenario;
    private final boolean openModel;
    private final Thread engineThread;
    private final Set<Thread> users = ConcurrentHashMap.newKeySet();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile String reason;
    private boolean engineRunning = true;

    /** Wraps {@code scenario} for a run that the current thread is about to run. */
    RunStop(Scenario scenario, boolean openModel) {
        this.scenario = scenario;
        this.openModel = openModel;
        this.engineThread = Thread.currentThread();
    }

    @Override
    public void iterate(VirtualUser user) throws Exception {
        if (reason != null) {
            throw new InterruptedException("the run was stopped: " + reason);
        }
        users.add(Thread.currentThread());
        scenario.iterate(user);
    }

    /** Stops the run for {@code why}; only the first call counts. */
    void stop(String why) {
        synchronized (this) {
            if (reason != null) {
                return;
            }
            reason = why;
        }
        users.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + USERS_GRACE.toNanos();
        for (Thread user : users) {
            long remaining = deadline - System.nanoTime();
            if (remaining > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedJoin(user, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        synchronized (this) {
            if (openModel && engineRunning) {
                engineThread.interrupt();
            }
        }
    }

    /**
     * Called by the engine's thread once the engine returned: clears the interrupt {@link #stop} may
     * have sent it (it was meant for the engine, not for writing the result).
     */
    synchronized void engineReturned() {
        engineRunning = false;
        if (reason != null && openModel) {
            Thread.interrupted();
        }
    }

    /** Why the run was stopped, or {@code null} when it ran its course. */
    String reason() {
        return reason;
    }

    /** Says that the run's result was written (or could not be): what a shutdown waits for. */
    void finished() {
        finished.countDown();
    }

    /** Waits up to {@code timeout} for {@link #finished}; whether it came. */
    boolean awaitFinished(Duration timeout) {
        try {
            return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
