package dev.perfgate.junit;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.output.FrameConsumerResultCallback;
import org.testcontainers.containers.output.OutputFrame;

import com.github.dockerjava.api.command.InspectContainerResponse;

/** How a container that was meant to run ended, and what it printed last, as the Docker engine tells it. */
final class ContainerEnd {

    private static final Duration LOG_WAIT = Duration.ofSeconds(5);

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

    /**
     * The last {@code lines} lines of the container's log, asked of the engine (for a container no log consumer
     * followed); empty when it has none, or no longer knows the container.
     */
    static String logTail(String containerId, int lines) {
        LogTail tail = new LogTail(lines);
        try (FrameConsumerResultCallback callback = new FrameConsumerResultCallback()) {
            callback.addConsumer(OutputFrame.OutputType.STDOUT, tail);
            callback.addConsumer(OutputFrame.OutputType.STDERR, tail);
            DockerClientFactory.instance().client().logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTail(lines)
                    .exec(callback).awaitCompletion(LOG_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException e) {
            // what came before is what there is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return tail.text();
    }
}
