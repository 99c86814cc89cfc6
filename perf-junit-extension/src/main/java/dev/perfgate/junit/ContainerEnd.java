package dev.perfgate.junit;

import org.testcontainers.DockerClientFactory;

import com.github.dockerjava.api.command.InspectContainerResponse;

/** How a container that was meant to run ended, as the Docker engine tells it. */
final class ContainerEnd {

    private ContainerEnd() {
    }

    /**
     * {@code null} while the container runs; else how it ended, e.g. {@code " with exit code 3 (killed: out of
     * memory)"}, or {@code ""} when the engine no longer knows it (it was removed).
     */
    static String of(String containerId) {
        InspectContainerResponse.ContainerState state;
        try {
            state = DockerClientFactory.instance().client().inspectContainerCmd(containerId).exec().getState();
        } catch (RuntimeException e) {
            return "";
        }
        if (Boolean.TRUE.equals(state.getRunning())) {
            return null;
        }
        return " with exit code " + state.getExitCodeLong() + (Boolean.TRUE.equals(state.getOOMKilled()) ? " (killed: out of memory)" : "");
    }
}
