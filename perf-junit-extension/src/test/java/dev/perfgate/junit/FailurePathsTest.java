package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.junit.fixture.BrokenDockerfileLoad;
import dev.perfgate.junit.fixture.CrashMidRunLoad;
import dev.perfgate.junit.fixture.HangingLoad;
import dev.perfgate.junit.fixture.SecretLoad;
import dev.perfgate.junit.fixture.TinyServer;

/**
 * What perfgate does when things go wrong during a run, against the tiny app in a real container:
 * the application dies, the target hangs, requests carry credentials. After each, no perfgate
 * thread and no container of this JVM may be left.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FailurePathsTest {

    @RegisterExtension
    final FixtureIsolation fixtures = FixtureIsolation.clearing();

    @BeforeEach
    void nothingIsLeftBefore() throws InterruptedException {
        Fixtures.assertNothingLeft(Duration.ofSeconds(10));
    }

    @AfterEach
    void nothingIsLeft() throws InterruptedException {
        Fixtures.assertNothingLeft(Duration.ofSeconds(10));
    }

    @Test
    void appDyingMidRunAbortsSoonWithItsExitCodeAndLogTailKeepingTheWindowsBefore() {
        long started = System.nanoTime();
        EngineExecutionResults results = Fixtures.run(CrashMidRunLoad.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(Fixtures.failures(results)).singleElement().isInstanceOf(AssertionError.class)
                .extracting(Throwable::getMessage).asString()
                .contains("CrashMidRunLoad.ok ABORTED", "exit code " + TinyServer.CRASH_MID_RUN_EXIT_CODE,
                        "last lines of the container log", TinyServer.CRASH_MID_RUN_MESSAGE);
        assertThat(took).as("the 20 s run stops when the app dies").isLessThan(Duration.ofSeconds(15));

        Fixtures.assertAbortedByTheCrashKeepingTheWindowsBefore(ResultFiles.read(fixtures.resultsDir().resolve("CrashMidRunLoad.ok.json")),
                CrashMidRunLoad.ANSWERS);
    }

    @Test
    void hangingTargetCountsTimeoutsAndTheRunEndsAtItsDeadline() {
        long started = System.nanoTime();
        EngineExecutionResults results = Fixtures.run(HangingLoad.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(Fixtures.failures(results)).singleElement().extracting(Throwable::getMessage).asString()
                .contains("HangingLoad.hang FAILED", "no request succeeded");
        LoadTestResult result = ResultFiles.read(fixtures.resultsDir().resolve("HangingLoad.hang.json"));
        assertThat(result.status()).isEqualTo(ResultStatus.FAILED);
        assertThat(result.total().errorsByKind()).containsOnlyKeys("timeout");
        assertThat(result.total().errorsByKind().get("timeout")).as("2 users x 2 s / 0.5 s, give or take").isBetween(4L, 12L);
        assertThat(took).as("container start + 2 s + one request timeout").isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void credentialsOfAFailingRequestReachNeitherTheLogNorTheResultNorTheFailure() throws Exception {
        AtomicReference<EngineExecutionResults> results = new AtomicReference<>();
        String log = ConsoleCapture.outAndErr(() -> results.getAndSet(Fixtures.run(SecretLoad.class)));

        Throwable failure = Fixtures.failures(results.get()).get(0);
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        String resultFile = Files.readString(fixtures.resultsDir().resolve("SecretLoad.create.json"));

        assertThat(trace.toString()).contains("SecretLoad.create FAILED", "no request succeeded", "create failed: POST /fail",
                "access_token=***", "Authorization: ***", "X-Api-Key: ***", "\"password\": \"***\"");
        assertThat(log).contains("[perfgate] SecretLoad.create FAILED");
        assertThat(ResultFiles.read(fixtures.resultsDir().resolve("SecretLoad.create.json")).statusReason()).contains("create failed: POST /fail");
        for (String shown : List.of(trace.toString(), log, resultFile)) {
            assertThat(shown).doesNotContain(SecretLoad.TOKEN, SecretLoad.PASSWORD, "c2VjcmV0LXRva2Vu");
        }
    }

    @Test
    void dockerfileThatFailsToBuildFailsNamingItAndTheBuildOutputTailLeavingNoBuildContainer() {
        long startedAtSecond = System.currentTimeMillis() / 1000;
        long started = System.nanoTime();
        EngineExecutionResults results = Fixtures.run(BrokenDockerfileLoad.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(Fixtures.failures(results)).singleElement().isInstanceOf(AppStartException.class)
                .extracting(Throwable::getMessage).asString()
                .contains(BrokenDockerfileLoad.dockerfile().toAbsolutePath().toString(), "returned a non-zero code: 7",
                        BrokenDockerfileLoad.BUILD_OUTPUT);
        assertThat(took).isLessThan(Duration.ofSeconds(60));
        assertThat(fixtures.resultsDir()).isEmptyDirectory();
        assertThat(Fixtures.containersCreatedSince(startedAtSecond, BrokenDockerfileLoad.FAILING_STEP))
                .as("the failed step's containers (the build and its repetition for the output), stopped but still on the engine")
                .isEmpty();
    }

    /** Writes to two streams. */
}
