package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.testcontainers.DockerClientFactory;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;

import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.junit.fixture.TinyServer;

/** Runs the fixture load test classes through the JUnit Platform test kit, and looks at Docker around them. */
final class Fixtures {

    private Fixtures() {
    }

    /** Runs every test of {@code fixture} on the Jupiter engine, in this JVM. */
    static EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
    }

    /** The throwables the failed tests of a run ended with. */
    static List<Throwable> failures(EngineExecutionResults results) {
        List<Throwable> failures = new ArrayList<>();
        results.testEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .forEach(failures::add);
        return failures;
    }

    /**
     * Running containers this JVM started: Testcontainers labels every container with the session id
     * of its JVM (the tiny app's, {@code perfgate-under-test/junit-ext-tiny-app}, included), so that
     * another build on the same Docker engine, even of this module, does not count.
     */
    static List<String> runningContainersOfThisJvm() {
        List<String> running = new ArrayList<>();
        for (Container container : DockerClientFactory.instance().client().listContainersCmd()
                .withLabelFilter(Map.of(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, DockerClientFactory.SESSION_ID))
                .exec()) {
            running.add(describe(container));
        }
        return running;
    }

    /** Containers, running or not, created at or after {@code epochSecond} whose command contains {@code command}. */
    static List<String> containersCreatedSince(long epochSecond, String command) {
        List<String> created = new ArrayList<>();
        for (Container container : DockerClientFactory.instance().client().listContainersCmd().withShowAll(true).exec()) {
            if (container.getCreated() >= epochSecond && container.getCommand() != null && container.getCommand().contains(command)) {
                created.add(describe(container));
            }
        }
        return created;
    }

    private static String describe(Container container) {
        return container.getId() + " (" + container.getImage() + ", " + container.getStatus() + ")";
    }

    /** Live threads of a WireMock server (Jetty's pool {@code qtp...} and its connector scheduler). */
    static List<String> stubServerThreads() {
        List<String> names = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && (thread.getName().startsWith("qtp") || thread.getName().startsWith("Connector-Scheduler"))) {
                names.add(thread.getName());
            }
        }
        return names;
    }

    /** Live threads of perfgate (names starting {@code perfgate-}), by name. */
    static List<String> perfgateThreads() {
        List<String> names = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && thread.getName().startsWith("perfgate-")) {
                names.add(thread.getName());
            }
        }
        return names;
    }

    /**
     * Fails unless, within {@code timeout}, no perfgate thread is alive and no container of this JVM
     * runs: what every failure path must leave behind.
     */
    static void assertNothingLeft(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> threads = perfgateThreads();
        List<String> containers = runningContainersOfThisJvm();
        while ((!threads.isEmpty() || !containers.isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            threads = perfgateThreads();
            containers = runningContainersOfThisJvm();
        }
        if (!threads.isEmpty() || !containers.isEmpty()) {
            throw new AssertionError("left behind after " + timeout.toSeconds() + " s: threads " + threads + ", containers " + containers);
        }
    }

    /**
     * Fails unless {@code result} is of a 20 s run of operation {@code ok} against the tiny app started with
     * {@code CRASH_AFTER=answers}: aborted with the app's exit code and last words, the answers before the crash
     * counted, and its ten 2 s windows kept, the first one measured.
     */
    static void assertAbortedByTheCrashKeepingTheWindowsBefore(LoadTestResult result, int answers) {
        assertThat(result.status()).isEqualTo(ResultStatus.ABORTED);
        assertThat(result.statusReason()).contains("exit code " + TinyServer.CRASH_MID_RUN_EXIT_CODE, TinyServer.CRASH_MID_RUN_MESSAGE);
        OperationResult ok = result.operations().get("ok");
        assertThat(ok.requests() - ok.errors()).as("answers before the crash (and while it halts)").isBetween((long) answers, answers + 5L);
        assertThat(ok.windows()).hasSize(10);
        assertThat(ok.windows().get(0).requests()).as("the first 2 s window, before the crash").isPositive();
    }

    /**
     * Asserts that what a server answered in a run without warm-up, {@code served}, is what the result counted,
     * but for requests begun after the measured phase: the result counts a request by when it began, so a user
     * whose last iteration began just before the end may send one more that the server answers and the result
     * leaves out. At most one per user, at the end only: {@code counted} to {@code counted + users}.
     */
    static void assertServedAsCounted(long served, long counted, int users) {
        assertThat(served).as("requests the server answered, of %d counted and at most one more per user (%d)", counted, users)
                .isBetween(counted, counted + users);
    }

    /** Whether something listens on {@code port} of the loopback interface. */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** How many containers this JVM created since {@code since}, from the engine's event log. */
    static long containersCreatedSince(Instant since) throws InterruptedException {
        List<Event> created = new ArrayList<>();
        ResultCallback.Adapter<Event> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Event event) {
                synchronized (created) {
                    created.add(event);
                }
            }
        };
        DockerClientFactory.instance().client().eventsCmd()
                .withSince(epochSeconds(since))
                .withUntil(epochSeconds(Instant.now()))
                .withEventTypeFilter("container")
                .withEventFilter("create")
                .withLabelFilter(Map.of(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, DockerClientFactory.SESSION_ID))
                .exec(callback);
        if (!callback.awaitCompletion(20, TimeUnit.SECONDS)) {
            throw new AssertionError("the Docker engine did not list its events within 20 s");
        }
        synchronized (created) {
            return created.size();
        }
    }

    private static String epochSeconds(Instant instant) {
        return instant.getEpochSecond() + "." + String.format("%09d", instant.getNano());
    }
}
