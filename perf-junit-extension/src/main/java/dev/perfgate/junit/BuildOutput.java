package dev.perfgate.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.testcontainers.DockerClientFactory;

import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;

/**
 * The output of a Docker build that failed. Testcontainers logs a build's output only at debug level,
 * so after a failed build the same build runs again here, collecting its output: the steps before the
 * failing one come from the engine's cache, so only the failing step is repeated. Bounded in time.
 */
final class BuildOutput {

    private static final int TAIL_LINES = 30;

    private BuildOutput() {
    }

    /** Whether {@code failure} (or a cause) says that the image could not be built. */
    static boolean isBuildFailure(Throwable failure) {
        for (Throwable e = failure; e != null && e.getCause() != e; e = e.getCause()) {
            if (String.valueOf(e.getMessage()).contains("Could not build image")) {
                return true;
            }
        }
        return false;
    }

    /** The last lines the build of {@code dockerfile} prints, or empty when it cannot be repeated within {@code timeout}. */
    static String tailOf(Path dockerfile, Map<String, String> buildArgs, Duration timeout) {
        LogTail tail = new LogTail(TAIL_LINES);
        BuildImageCmd build = DockerClientFactory.instance().client().buildImageCmd(dockerfile.toFile())
                .withBaseDirectory(dockerfile.getParent().toFile())
                .withPull(false)
                .withRemove(true)
                .withForcerm(true); // the failing step's container too, as AppSource.imageBuild
        buildArgs.forEach(build::withBuildArg);
        BuildImageResultCallback callback = new BuildImageResultCallback() {
            @Override
            public void onNext(BuildResponseItem item) {
                if (item.getStream() != null && !item.getStream().isBlank()) {
                    tail.add(item.getStream().stripTrailing());
                }
                if (item.isErrorIndicated() && item.getErrorDetail() != null) {
                    tail.add(item.getErrorDetail().getMessage());
                }
                super.onNext(item);
            }
        };
        try (BuildImageResultCallback running = build.exec(callback)) {
            running.awaitCompletion(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the build failed again, as expected, or could not run: keep what it printed
        }
        return tail.text();
    }
}
