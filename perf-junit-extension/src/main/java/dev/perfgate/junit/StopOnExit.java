package dev.perfgate.junit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops, when the JVM exits, every container and stub server perfgate started and has not stopped
 * yet: on machines where Testcontainers' reaper cannot run, an interrupted build would otherwise
 * leave containers running.
 */
final class StopOnExit {

    private static final Set<AutoCloseable> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(StopOnExit::stopAll, "perfgate-stop-containers"));
    }

    private StopOnExit() {
    }

    /** A container ({@code GenericContainer} stops on {@code close}) or stub server to stop at exit. */
    static void register(AutoCloseable resource) {
        RUNNING.add(resource);
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
        for (AutoCloseable resource : RUNNING) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // the JVM is exiting: stop what can be stopped
            }
        }
    }
}
