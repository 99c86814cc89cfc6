package dev.perfgate.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer process killed with SIGKILL in the middle of rewriting a result leaves the old file or
 * the new one, never a torn one, and its leftover temporary file is not taken for a result.
 */
class KilledWriterTest {

    private static final String TEST_ID = "Shop.killed";

    @TempDir
    Path folder;

    static LoadTestResult small() {
        return ResultFilesTest.result(TEST_ID);
    }

    /** About 2 MB, so that a kill often lands while it is being written. */
    static LoadTestResult large() {
        return small().withStatus(ResultStatus.FAILED, "x".repeat(2_000_000));
    }

    @Test
    @EnabledOnOs(value = { OS.LINUX, OS.MAC }, disabledReason = "SIGKILL and rename-over semantics of POSIX")
    void aWriterKilledMidWriteLeavesTheOldOrTheNewFileNeverATornOne() throws Exception {
        Random random = new Random(20261122L);
        LoadTestResult small = small();
        LoadTestResult large = large();
        Path file = ResultFiles.fileOf(folder, TEST_ID);
        for (int round = 0; round < 6; round++) {
            Process writer = startWriter();
            try {
                awaitReady(writer);
                Thread.sleep(50 + random.nextInt(400));
            } finally {
                writer.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs in the writer
                assertThat(writer.waitFor(10, TimeUnit.SECONDS)).as("the killed writer ended").isTrue();
            }
            assertThat(ResultFiles.read(file)).as("round %d", round).isIn(small, large);
            assertThat(ResultFiles.list(folder)).as("leftover temporary files are not results").containsExactly(file);
        }
    }

    private Process startWriter() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RewritingWriter.class.getName(), folder.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static void awaitReady(Process writer) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
        // Bounded: the writer prints "ready" within a JVM start, or has died and the stream ends.
        String line = out.readLine();
        assertThat(line).as("the writer started").isEqualTo("ready");
    }
}
