package dev.perfgate.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfgate.core.testing.LoopbackHttpServer;

/**
 * {@code perfgate check} as a build outside Maven runs it: the packaged {@code perfgate-cli.jar} in its own JVM
 * loads a loopback server to record a baseline and a result, then gates the result, reading only the files.
 */
class CheckCommandIT {

    private static final Path JAR = Path.of("target", "perfgate-cli.jar");

    @TempDir
    Path folder;

    private LoopbackHttpServer server;
    private final AtomicLong delayMillis = new AtomicLong(2);
    private Path results;
    private Path baselines;

    @BeforeEach
    void startServer() throws IOException {
        server = LoopbackHttpServer.start();
        server.route("/hello", exchange -> {
            sleep(delayMillis.get());
            server.respond(exchange, 200, "hello");
        });
        results = folder.resolve("build/perf-results");
        baselines = folder.resolve("baselines");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aFiveTimesSlowerServerFailsTheCheckNamingTheOperationAndTheSameSpeedPasses() throws Exception {
        load(baselines.resolve("hello.json"));
        delayMillis.set(10);
        load(results.resolve("hello.json"));

        Run slower = cli("check", "--results", results.toString(), "--baselines", baselines.toString(), "--metrics", "p50,errorRate",
                "--report", folder.resolve("build/perf-report").toString());

        assertThat(slower.exit).as(slower.output()).isEqualTo(CheckCommand.FAILED);
        assertThat(slower.out).contains("perfgate: 1 load-test result(s) compared with " + baselines)
                .containsPattern("hello +GET /hello +p50 latency +[0-9.]+ ms +[0-9.]+ ms +\\+[0-9.]+ % +REGRESSED");
        assertThat(slower.err).contains("Performance regression beyond the tolerance", "hello GET /hello: p50 latency",
                "accept it with: cp " + results.resolve("*.json"));
        assertThat(folder.resolve("build/perf-report/comparison.json")).exists();

        delayMillis.set(2);
        load(results.resolve("hello.json"));
        Run same = cli("check", "--results", results.toString(), "--baselines", baselines.toString(), "--metrics", "p50,errorRate");

        assertThat(same.exit).as(same.output()).isEqualTo(CheckCommand.PASSED);
        assertThat(same.out).contains("perfgate: no regression").doesNotContain("REGRESSED");
    }

    @Test
    void aBaselineWithoutResultIsMissingAndFailsOnlyWhenAskedTo() throws Exception {
        load(baselines.resolve("hello.json"));
        Files.createDirectories(results);

        Run told = cli("check", "--results", results.toString(), "--baselines", baselines.toString());
        Run failing = cli("check", "--results", results.toString(), "--baselines", baselines.toString(), "--fail-on-missing-result");

        assertThat(told.exit).as(told.output()).isEqualTo(CheckCommand.PASSED);
        assertThat(told.out).containsPattern("hello +\\(total\\) .*MISSING");
        assertThat(told.err).contains("perfgate: no result for hello although " + baselines + " has a baseline for it");
        assertThat(failing.exit).as(failing.output()).isEqualTo(CheckCommand.FAILED);
    }

    @Test
    void aDamagedResultFileIsRefusedNamingIt() throws Exception {
        Files.createDirectories(results);
        Files.writeString(results.resolve("hello.json"), "{\"schemaVersion\": 1, \"testId\": ");

        Run run = cli("check", "--results", results.toString(), "--baselines", baselines.toString());

        assertThat(run.exit).isEqualTo(PerfgateCli.USAGE);
        assertThat(run.err).contains(results.resolve("hello.json").toString());
    }

    /** Records 2 s of 4 connections against the server into {@code json}. */
    private void load(Path json) throws Exception {
        Files.createDirectories(json.getParent());
        Run run = cli("--url", server.url("/hello").toString(), "--connections", "4", "--duration", "2s", "--warm-up", "1s",
                "--json", json.toString());
        assertThat(run.exit).as(run.output()).isEqualTo(PerfgateCli.OK);
    }

    private static Run cli(String... args) throws Exception {
        assertThat(JAR).as("the packaged command line").exists();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("perfgate-cli", ".out");
        Path err = Files.createTempFile("perfgate-cli", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("perfgate-cli.jar " + String.join(" ", args) + " did not end within 60 s");
        }
        Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Run(int exit, String out, String err) {
        String output() {
            return "exit " + exit + "\n" + out + "\n" + err;
        }
    }
}
