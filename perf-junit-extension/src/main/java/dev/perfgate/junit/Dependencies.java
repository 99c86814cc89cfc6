package dev.perfgate.junit;

import java.util.ArrayList;
import java.util.List;

import org.testcontainers.containers.GenericContainer;

/**
 * The containers the application depends on ({@code dependsOn}, at any depth), whoever started them, that
 * ran when it had started: one-shot containers that had done their work and exited by then (a database
 * migration) are not among them. One that stops during a run does not stop the run: the application's
 * requests that need it fail and count as errors, as they would in production; the result then names it,
 * with how it ended and its log tail.
 */
final class Dependencies {

    private static final int LOG_TAIL_LINES = 40;

    private final List<GenericContainer<?>> running;

    private Dependencies(List<GenericContainer<?>> running) {
        this.running = running;
    }

    /** Those of {@code app}'s dependencies that run now: call once it started. */
    static Dependencies runningBeside(GenericContainer<?> app) {
        return new Dependencies(OwnedContainers.withDependencies(app).stream()
                .filter(dependency -> dependency != app && dependency.isRunning()).toList());
    }

    /** {@code null} while they all run; else, for each that stopped, which one, how, and its last lines. */
    String deathNotice() {
        List<String> notices = new ArrayList<>();
        for (GenericContainer<?> dependency : running) {
            String how = ContainerEnd.of(dependency.getContainerId());
            if (how != null) {
                notices.add("the container " + nameOf(dependency) + ", which the application depends on, stopped" + how
                        + " after the application started\n--- last lines of its log ---\n"
                        + ContainerEnd.logTail(dependency.getContainerId(), LOG_TAIL_LINES));
            }
        }
        return notices.isEmpty() ? null : String.join("\n", notices);
    }

    /**
     * Its network aliases (not the {@code tc-...} one Testcontainers adds), else its name; its class and image,
     * e.g. {@code "db (PostgreSQLContainer of image postgres:16)"}.
     */
    static String nameOf(GenericContainer<?> container) {
        List<String> aliases = container.getNetworkAliases().stream().filter(alias -> !alias.startsWith("tc-")).toList();
        String name = !aliases.isEmpty() ? String.join("/", aliases)
                : container.getContainerInfo() != null ? container.getContainerName().replaceFirst("^/", "") : container.getContainerId();
        return name + " (" + container.getClass().getSimpleName() + " of image " + container.getDockerImageName() + ")";
    }
}
