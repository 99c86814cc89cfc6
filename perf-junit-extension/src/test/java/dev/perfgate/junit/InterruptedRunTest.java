package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

import com.github.dockerjava.api.model.Container;

import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.junit.fixture.LongLoad;

/**
 * A build interrupted mid-run (Ctrl-C, a Surefire timeout): the fixture runs in a child JVM that is
 * sent SIGTERM while it loads; its shutdown hook must stop the run, write the partial result marked
 * ABORTED and stop the container.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class InterruptedRunTest {

    @TempDir
    Path resultsDir;

    @Test
    void sigtermMidRunWritesAnAbortedPartialResultAndLeavesNoContainer() throws Exception {
        Process child = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                "-D" + LoadTest.RESULTS_DIR_PROPERTY + "=" + resultsDir,
                "-D" + LoadTest.PROGRESS_INTERVAL_PROPERTY + "=1s",
                ForkedFixture.class.getName(), LongLoad.class.getName())
                .redirectErrorStream(true)
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> readLines(child, lines), "forked-fixture-output");
        reader.setDaemon(true);
        reader.start();
        String session = null;
        try {
            session = awaitLine(lines, output, ForkedFixture.SESSION_PREFIX, 30).substring(ForkedFixture.SESSION_PREFIX.length());
            awaitLine(lines, output, "LongLoad.ok 00:02/00:30 measured", 90);

            child.destroy(); // SIGTERM
            assertThat(child.waitFor(40, TimeUnit.SECONDS)).as("the child exits within its grace, output:%n%s", output).isTrue();
        } finally {
            child.destroyForcibly();
            reader.join(5_000);
            lines.drainTo(output);
        }

        LoadTestResult result = ResultFiles.read(resultsDir.resolve("LongLoad.ok.json"));
        assertThat(result.status()).as("output:%n%s", String.join("\n", output)).isEqualTo(ResultStatus.ABORTED);
        assertThat(result.statusReason()).contains("the JVM is shutting down");
        assertThat(result.plan().duration()).isEqualTo("30s");
        assertThat(result.total().requests()).as("what was measured before the signal").isPositive();
        assertThat(result.total().windows().get(0).requests()).isPositive();
        assertThat(containersOfSession(session)).as("containers of the child JVM, running or not").isEmpty();
    }

    private static void readLines(Process child, BlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(output unreadable: " + e + ")");
        }
    }

    private static String awaitLine(BlockingQueue<String> lines, List<String> output, String containing, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                output.add(line);
                if (line.contains(containing)) {
                    return line;
                }
            }
        }
        throw new AssertionError("no line with '" + containing + "' within " + seconds + " s; output:\n" + String.join("\n", output));
    }

    private static List<String> containersOfSession(String session) {
        List<String> found = new ArrayList<>();
        for (Container container : DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, session)).exec()) {
            found.add(container.getId() + " (" + container.getImage() + ", " + container.getStatus() + ")");
        }
        return found;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
