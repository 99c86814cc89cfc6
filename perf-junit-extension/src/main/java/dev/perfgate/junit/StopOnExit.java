package dev.perfgate.junit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops, when the JVM exits, every container and stub server perfgate started and has not stopped
 * yet: on machines where Testcontainers' reaper cannot run, an interrupted build would otherwise
 * leave containers running. Load runs still going are stopped first, and given up to
 * {@link #RESULT_GRACE} to write their partial result, while their application still runs; then
 * resources are closed, the last registered first (a container before the stubs it calls).
 */
final class StopOnExit {

    /** How long a shutdown waits for the runs it stopped to write their partial results. */
    static final Duration RESULT_GRACE = Duration.ofSeconds(15);

    static final String SHUTDOWN_REASON = "the JVM is shutting down (SIGTERM, Ctrl-C or a build timeout):"
            + " the run was stopped early and its figures are partial";

    private static final Set<AutoCloseable> RUNNING = Collections.synchronizedSet(new LinkedHashSet<>());
    private static final Set<RunStop> RUNS = ConcurrentHashMap.newKeySet();
    private static volatile boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(StopOnExit::stopAll, "perfgate-stop-containers"));
    }

    private StopOnExit() {
    }

    /** A container ({@code GenericContainer} stops on {@code close}) or stub server to stop at exit. */
    static void register(AutoCloseable resource) {
        RUNNING.add(resource);
    }

    /** A run to stop, and wait for, before the containers stop; one that starts during shutdown is stopped at once. */
    static void register(RunStop run) {
        RUNS.add(run);
        if (shuttingDown) {
            run.stop(SHUTDOWN_REASON);
        }
    }

    /** The run ended and its result is written: nothing to wait for. */
    static void unregister(RunStop run) {
        RUNS.remove(run);
    }

    static void stop(AutoCloseable resource) {
        try {
            resource.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop " + resource + ": " + e.getMessage(), e);
        } finally {
            RUNNING.remove(resource);
        }
    }

    private static void stopAll() {
        shuttingDown = true;
        List<RunStop> runs = new ArrayList<>(RUNS);
        runs.forEach(run -> run.stop(SHUTDOWN_REASON));
        long deadline = System.nanoTime() + RESULT_GRACE.toNanos();
        for (RunStop run : runs) {
            run.awaitFinished(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        List<AutoCloseable> resources;
        synchronized (RUNNING) {
            resources = new ArrayList<>(RUNNING);
        }
        Collections.reverse(resources);
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // the JVM is exiting: stop what can be stopped
            }
        }
    }
}
