package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.junit.fixture.ContainerLoad;
import dev.perfgate.junit.fixture.CrashMidRunContainerLoad;
import dev.perfgate.junit.fixture.CrashingContainerLoad;
import dev.perfgate.junit.fixture.NoExposedPortContainerLoad;
import dev.perfgate.junit.fixture.NullContainerLoad;
import dev.perfgate.junit.fixture.PeerCrashMidRunLoad;
import dev.perfgate.junit.fixture.SameContainerSideBySideLoad;
import dev.perfgate.junit.fixture.StartedContainerLoad;
import dev.perfgate.junit.fixture.TinyApp;
import dev.perfgate.junit.fixture.TinyServer;

/**
 * {@link AppUnderTest#fromContainer}: a Testcontainers container the test built itself, with its own
 * network and a second container beside it, in real containers; and what is refused before any starts.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AppFromContainerTest {

    @RegisterExtension
    final FixtureIsolation fixtures = FixtureIsolation.clearing();

    @AfterEach
    void nothingIsLeft() throws InterruptedException {
        Fixtures.assertNothingLeft(Duration.ofSeconds(10));
    }

    @Test
    void loadsTheTestsContainerWhichCallsTheContainerBesideItOnTheirNetworkAndStopsBoth() throws Exception {
        EngineExecutionResults results = Fixtures.run(ContainerLoad.class);

        assertThat(Fixtures.failures(results)).isEmpty();
        LoadTestResult result = ResultFiles.read(fixtures.resultsDir().resolve(ContainerLoad.ID + ".json"));
        assertThat(result.status()).as("the one-shot container, exited before the app started, did not die").isEqualTo(ResultStatus.PASSED);
        assertThat(result.total().requests()).isPositive();
        assertThat(result.total().errors()).as("each answer was the peer's 200 relayed by the app").isZero();
        assertThat(result.resources()).as("docker stats of the test's container").isNotNull();
        assertThat(result.resources().samples()).isPositive();
        assertThat(result.resources().memoryMiB().mean()).isPositive();
        assertThat(fixtures.containersCreatedSinceTestStart()).as("the app, the peer and the one-shot container it depends on").isEqualTo(3);
        assertThat(ContainerLoad.APP.isRunning()).isFalse();
        assertThat(ContainerLoad.PEER.isRunning()).as("started by perfgate through dependsOn, so stopped by it").isFalse();
        ContainerLoad.NETWORK.close(); // the test's network: perfgate leaves it alone
    }

    @Test
    void aContainerTheTestStartedItselfIsLoadedAndLeftRunningForTheTestToStop() throws Exception {
        try {
            EngineExecutionResults results = Fixtures.run(StartedContainerLoad.class);

            assertThat(Fixtures.failures(results)).isEmpty();
            LoadTestResult result = ResultFiles.read(fixtures.resultsDir().resolve("tiny.started-container.json"));
            assertThat(result.status()).isEqualTo(ResultStatus.PASSED);
            assertThat(result.total().requests()).isPositive();
            assertThat(result.total().errors()).isZero();
            assertThat(StartedContainerLoad.APP.isRunning()).as("the test's to stop").isTrue();
            assertThat(fixtures.containersCreatedSinceTestStart()).isEqualTo(1);
        } finally {
            StartedContainerLoad.APP.stop();
        }
    }

    @Test
    void aContainerThatDiesAtStartFailsWithItsLogTailAndWhatItDependsOnIsStoppedToo() throws Exception {
        EngineExecutionResults results = Fixtures.run(CrashingContainerLoad.class);

        assertThat(Fixtures.failures(results)).singleElement().isInstanceOf(AppStartException.class)
                .extracting(Throwable::getMessage).asString()
                .contains("the application from container GenericContainer of image", "was not started and ready (its wait strategy, port 8080)",
                        "last lines of the container log", TinyServer.CRASH_MESSAGE);
        assertThat(fixtures.containersCreatedSinceTestStart()).isEqualTo(2);
        assertThat(CrashingContainerLoad.PEER.isRunning()).isFalse();
        assertThat(fixtures.resultsDir()).isEmptyDirectory();
        CrashingContainerLoad.NETWORK.close();
    }

    @Test
    void aContainerDyingMidRunAbortsSoonNamedWithItsExitCodeAndLogTailKeepingTheWindowsBeforeAndItsPeerIsStopped() throws Exception {
        long started = System.nanoTime();
        EngineExecutionResults results = Fixtures.run(CrashMidRunContainerLoad.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(Fixtures.failures(results)).singleElement().isInstanceOf(AssertionError.class)
                .extracting(Throwable::getMessage).asString()
                .contains("CrashMidRunContainerLoad.ok ABORTED", "the application container (container GenericContainer of image ",
                        "exit code " + TinyServer.CRASH_MID_RUN_EXIT_CODE, "last lines of the container log", TinyServer.CRASH_MID_RUN_MESSAGE);
        assertThat(took).as("two containers' start and the 20 s run, stopped when the app dies").isLessThan(Duration.ofSeconds(18));
        Fixtures.assertAbortedByTheCrashKeepingTheWindowsBefore(
                ResultFiles.read(fixtures.resultsDir().resolve("CrashMidRunContainerLoad.ok.json")), CrashMidRunContainerLoad.ANSWERS);
        assertThat(fixtures.containersCreatedSinceTestStart()).isEqualTo(2);
        assertThat(CrashMidRunContainerLoad.APP.isRunning()).isFalse();
        assertThat(CrashMidRunContainerLoad.PEER.isRunning()).isFalse();
        CrashMidRunContainerLoad.NETWORK.close();
    }

    @Test
    void aPeerDyingMidRunFailsTheTestAfterTheRunRanItsCourseNamingThePeerWithItsExitCodeAndLogTail() throws Exception {
        EngineExecutionResults results = Fixtures.run(PeerCrashMidRunLoad.class);

        String peer = "the container " + PeerCrashMidRunLoad.PEER_ALIAS + " (GenericContainer of image ";
        assertThat(Fixtures.failures(results)).singleElement().isInstanceOf(AssertionError.class)
                .extracting(Throwable::getMessage).asString()
                .contains("PeerCrashMidRunLoad.downstream FAILED", peer, "which the application depends on, stopped with exit code "
                        + TinyServer.CRASH_MID_RUN_EXIT_CODE + " after the application started", "last lines of its log",
                        TinyServer.CRASH_MID_RUN_MESSAGE);
        LoadTestResult result = ResultFiles.read(fixtures.resultsDir().resolve("PeerCrashMidRunLoad.downstream.json"));
        assertThat(result.status()).as("the run ran its course: the application itself stayed up").isEqualTo(ResultStatus.FAILED);
        assertThat(result.statusReason()).contains(peer, TinyServer.CRASH_MID_RUN_MESSAGE);
        OperationResult downstream = result.operations().get("downstream");
        assertThat(downstream.requests() - downstream.errors()).as("answers relayed before the peer died")
                .isBetween((long) PeerCrashMidRunLoad.ANSWERS, PeerCrashMidRunLoad.ANSWERS + 5L);
        assertThat(downstream.errors()).as("the application's 502s once its peer was gone").isPositive();
        assertThat(PeerCrashMidRunLoad.APP.isRunning()).isFalse();
        assertThat(PeerCrashMidRunLoad.PEER.isRunning()).isFalse();
        PeerCrashMidRunLoad.NETWORK.close();
    }

    @Test
    void aNullContainerIsRefusedNamingTheFieldBeforeAnyContainerStarts() throws Exception {
        assertThat(Fixtures.failures(Fixtures.run(NullContainerLoad.class))).singleElement()
                .isInstanceOf(ExtensionConfigurationException.class).extracting(Throwable::getMessage).asString()
                .contains("@App field NullContainerLoad.app", "fromContainer(null)", "above the @App field");
        assertThat(fixtures.containersCreatedSinceTestStart()).isZero();
    }

    @Test
    void aContainerExposingNoPortIsRefusedNamingTheFieldAndWithExposedPorts() throws Exception {
        assertThat(Fixtures.failures(Fixtures.run(NoExposedPortContainerLoad.class))).singleElement()
                .isInstanceOf(ExtensionConfigurationException.class).extracting(Throwable::getMessage).asString()
                .contains("@App field NoExposedPortContainerLoad.app", "exposes no port", "withExposedPorts(8080)");
        assertThat(fixtures.containersCreatedSinceTestStart()).isZero();
    }

    @Test
    void theContainerAsItsOwnSideBySideReferenceIsRefusedNamingTheAnnotation() throws Exception {
        assertThat(Fixtures.failures(Fixtures.run(SameContainerSideBySideLoad.class))).singleElement()
                .isInstanceOf(ExtensionConfigurationException.class).extracting(Throwable::getMessage).asString()
                .contains("@SideBySide on SameContainerSideBySideLoad.burn", "@App field app", "cannot run twice",
                        "withReference(AppUnderTest.fromContainer(referenceContainer))");
        assertThat(fixtures.containersCreatedSinceTestStart()).isZero();
    }

    @Test
    void settingsAContainerStartedByTheTestCannotTakeAnyMoreAreRefused() throws Exception {
        GenericContainer<?> started = TinyApp.container();
        try {
            started.start();
            AppUnderTest app = AppUnderTest.fromContainer(started);

            app.requireUsable("@App field X.app"); // as it is: fine
            assertThatThrownBy(() -> app.withEnv("JAVA_TOOL_OPTIONS", "-Xmx32m").requireUsable("@App field X.app"))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining("@App field X.app: the container runs already")
                    .hasMessageContaining("withEnv [JAVA_TOOL_OPTIONS]")
                    .hasMessageContaining("set them on the container itself before starting it");
            assertThatThrownBy(() -> app.withStub("LLM_URL", Stub.wiremock(server -> { })).requireUsable("@App field X.app"))
                    .isInstanceOf(ExtensionConfigurationException.class).hasMessageContaining("withStub [LLM_URL]");
            assertThat(fixtures.containersCreatedSinceTestStart()).as("the test's own").isEqualTo(1);
        } finally {
            started.stop();
        }
    }

    @Test
    void thePortIsTheOnlyExposedOneElseTheOneWithPortChoosesAmongThem() {
        AppUnderTest single = AppUnderTest.fromContainer(container().withExposedPorts(9000));
        single.requireUsable("@App field X.app");
        assertThat(single.port()).isEqualTo(9000);
        assertThat(single.readiness()).isEqualTo("its wait strategy, port 9000");
        assertThat(single.withHealthPath("/ready").readiness()).isEqualTo("its wait strategy, then 2xx on /ready, port 9000");

        AppUnderTest several = AppUnderTest.fromContainer(container().withExposedPorts(9000, 9090));
        assertThatThrownBy(() -> several.requireUsable("@App field X.app")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("@App field X.app: the container exposes ports [9000, 9090]")
                .hasMessageContaining("withPort(9000)");
        assertThat(several.withPort(9090).port()).isEqualTo(9090);
        several.withPort(9090).requireUsable("@App field X.app");
        assertThatThrownBy(() -> several.withPort(8080).requireUsable("@App field X.app"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("@App field X.app: withPort(8080) is not among the ports the container exposes [9000, 9090]");
    }

    @Test
    void buildArgumentsBaseImagesAndReferenceImagesAreRefusedOnAContainer() {
        AppUnderTest app = AppUnderTest.fromContainer(container().withExposedPorts(8080));

        assertThat(app.describe()).as("no pull just to describe it").isEqualTo("container GenericContainer");
        assertThatThrownBy(() -> app.withBuildArg("VERSION", "1"))
                .hasMessageContaining("withBuildArg: container GenericContainer is not built from a Dockerfile");
        assertThatThrownBy(() -> app.withBaseImage("eclipse-temurin:21-jre"))
                .hasMessageContaining("withBaseImage: container GenericContainer is not a jar")
                .hasMessageContaining("an image or a container is run as it is");
        assertThatThrownBy(() -> app.withReferenceImage("shop:1.4.0"))
                .hasMessageContaining("withReferenceImage: the application is a container the test built")
                .hasMessageContaining("withReference(AppUnderTest.fromContainer(referenceContainer))");
    }

    private static GenericContainer<?> container() {
        return new GenericContainer<>(DockerImageName.parse("registry.example.com/shop:1.4.0"));
    }
}
