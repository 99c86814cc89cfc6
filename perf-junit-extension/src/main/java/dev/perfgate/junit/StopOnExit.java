package dev.perfgate.junit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.testcontainers.containers.GenericContainer;

/**
 * Stops, when the JVM exits, every container perfgate started and has not stopped yet: on machines
 * where Testcontainers' reaper cannot run, an interrupted build would otherwise leave them running.
 */
final class StopOnExit {

    private static final Set<GenericContainer<?>> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(StopOnExit::stopAll, "perfgate-stop-containers"));
    }

    private StopOnExit() {
    }

    static void register(GenericContainer<?> container) {
        RUNNING.add(container);
    }

    static void stop(GenericContainer<?> container) {
        try {
            container.stop();
        } finally {
            RUNNING.remove(container);
        }
    }

    private static void stopAll() {
        for (GenericContainer<?> container : RUNNING) {
            try {
                container.stop();
            } catch (RuntimeException ignored) {
                // the JVM is exiting: stop what can be stopped
            }
        }
    }
}
