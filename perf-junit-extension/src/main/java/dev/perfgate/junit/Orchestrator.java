package dev.perfgate.junit;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What starts the workers of a distributed run, chosen with {@value LoadTest#ORCHESTRATOR_PROPERTY}.
 * perfgate runs no cluster of its own: beyond this machine, an orchestrator the team already runs
 * places the workers.
 */
enum Orchestrator {

    /** Worker processes on this machine ({@link LocalWorkers}): escapes the limits of one JVM. */
    LOCAL(Duration.ZERO) {
        @Override
        Workers start(WorkerLaunch launch, Duration startLead) {
            return LocalWorkers.start(launch);
        }
    },

    /** A Docker swarm-mode service with one task per worker ({@link SwarmWorkers}). */
    SWARM(Duration.ofSeconds(30)) {
        @Override
        Workers start(WorkerLaunch launch, Duration startLead) {
            return SwarmWorkers.start(launch, startLead);
        }
    },

    /** A Kubernetes indexed Job with one pod per worker ({@link KubernetesWorkers}). */
    KUBERNETES(Duration.ofSeconds(90)) {
        @Override
        Workers start(WorkerLaunch launch, Duration startLead) {
            return KubernetesWorkers.start(launch, startLead);
        }
    };

    private final Duration defaultStartLead;

    Orchestrator(Duration defaultStartLead) {
        this.defaultStartLead = defaultStartLead;
    }

    /**
     * Starts {@code launch}'s workers. Those in containers start {@code startLead} after they are placed, a
     * time set in advance: they share no folder to be told when all are ready.
     */
    abstract Workers start(WorkerLaunch launch, Duration startLead);

    /** Whether the workers run in containers, maybe on other machines: they reach the application by a named host. */
    boolean isRemote() {
        return this != LOCAL;
    }

    /** Between placing the workers and their start, unless {@value Distribution#START_LEAD_PROPERTY} says otherwise. */
    Duration defaultStartLead() {
        return defaultStartLead;
    }

    /** Its name in {@value LoadTest#ORCHESTRATOR_PROPERTY}. */
    String propertyValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The orchestrator {@code value} names, in any case.
     *
     * @throws IllegalArgumentException naming the property and the valid values
     */
    static Orchestrator of(String value) {
        for (Orchestrator orchestrator : values()) {
            if (orchestrator.propertyValue().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return orchestrator;
            }
        }
        throw new IllegalArgumentException("system property " + LoadTest.ORCHESTRATOR_PROPERTY + ": '" + value.strip()
                + "' is not an orchestrator; give one of " + Arrays.stream(values()).map(Orchestrator::propertyValue)
                        .collect(Collectors.joining(", "))
                + " (local: worker processes on this machine)");
    }
}
