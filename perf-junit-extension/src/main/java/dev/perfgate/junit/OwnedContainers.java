package dev.perfgate.junit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.lifecycle.Startable;

/**
 * The containers that starting one application container brings up and perfgate must therefore stop:
 * the application's own unless the test started it already, and those it depends on
 * ({@code dependsOn}, at any depth) that did not run yet, because Testcontainers starts them with it
 * but stops only the container itself. Taken before the start; closing stops them, the application's
 * first. Dependencies that are not containers (anything else {@link Startable}) stay the test's.
 */
final class OwnedContainers implements AutoCloseable {

    private final List<GenericContainer<?>> owned;

    private OwnedContainers(List<GenericContainer<?>> owned) {
        this.owned = owned;
    }

    /** What starting {@code container} now would start: call before {@code start()}. */
    static OwnedContainers before(GenericContainer<?> container) {
        List<GenericContainer<?>> notRunning = new ArrayList<>();
        for (GenericContainer<?> candidate : withDependencies(container)) {
            if (candidate.getContainerId() == null) {
                notRunning.add(candidate);
            }
        }
        return new OwnedContainers(notRunning);
    }

    /** {@code container} and the containers it depends on ({@code dependsOn}, at any depth), {@code container} first. */
    static Set<GenericContainer<?>> withDependencies(GenericContainer<?> container) {
        Set<GenericContainer<?>> found = new LinkedHashSet<>();
        collect(container, found);
        return found;
    }

    private static void collect(GenericContainer<?> container, Set<GenericContainer<?>> found) {
        if (!found.add(container)) {
            return;
        }
        for (Startable dependency : container.getDependencies()) {
            if (dependency instanceof GenericContainer<?> dependencyContainer) {
                collect(dependencyContainer, found);
            }
        }
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (GenericContainer<?> container : owned) {
            try {
                container.stop();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "containers started by perfgate " + owned.stream().map(GenericContainer::getContainerId).toList();
    }
}
