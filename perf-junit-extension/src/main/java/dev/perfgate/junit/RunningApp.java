package dev.perfgate.junit;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.containers.wait.strategy.WaitStrategy;

import dev.perfgate.core.http.Redaction;

/**
 * A started application container, and the stubs it calls. JUnit closes it with the test class's
 * store; a JVM shutdown hook stops it when the run is aborted first, because Testcontainers' own
 * reaper (Ryuk) may be off. Stubs start before the container and stop after it. A container the test
 * built itself ({@link AppSource.FromContainer}) keeps its own settings and wait strategy; perfgate
 * stops only what it started ({@link OwnedContainers}).
 */
final class RunningApp implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private static final int LOG_TAIL_LINES = 40;
    private static final Duration LOG_END_WAIT = Duration.ofSeconds(2);
    private static final Duration BUILD_OUTPUT_WAIT = Duration.ofSeconds(30);

    private final GenericContainer<?> container;
    private final OwnedContainers owned;
    private final LogTail logTail;
    private final URI baseUri;
    private final RunningStubs stubs;
    private final PrometheusMetrics metrics;
    private final String description;
    private final Dependencies dependencies;

    private RunningApp(GenericContainer<?> container, int port, OwnedContainers owned, LogTail logTail, RunningStubs stubs,
            PrometheusMetrics metrics, String description) {
        this.metrics = metrics;
        this.description = description;
        this.dependencies = Dependencies.runningBeside(container);
        this.container = container;
        this.owned = owned;
        this.logTail = logTail;
        this.stubs = stubs;
        this.baseUri = URI.create("http://" + hostOf(container) + ":" + container.getMappedPort(port));
    }

    /**
     * Builds the image, starts the container and waits for its health path, all within the app's
     * startup timeout; fails with the container's log tail. A container the test built keeps its ports
     * and wait strategy (the health path, when given, is checked after it); one the test started already
     * is only waited for.
     */
    static RunningApp start(AppUnderTest app) {
        AppSource source = app.source();
        boolean testsContainer = source instanceof AppSource.FromContainer;
        LogTail logTail = new LogTail(LOG_TAIL_LINES);
        GenericContainer<?> container = source.newContainer();
        if (!testsContainer) {
            container.withExposedPorts(app.port()).waitingFor(healthWait(app));
        }
        OwnedContainers owned = OwnedContainers.before(container);
        boolean startedByTheTest = source instanceof AppSource.FromContainer user && user.startedByTheTest();
        RunningStubs stubs = RunningStubs.start(app.stubs()); // first: the container gets their URLs
        if (startedByTheTest) {
            container.followOutput(logTail); // its settings are fixed: AppUnderTest.requireUsable refused env and stubs
        } else {
            container.withEnv(app.env()).withLogConsumer(logTail);
            stubs.addTo(container);
        }
        StopOnExit.register(owned);
        try {
            startWithin(() -> {
                container.start();
                if (testsContainer && app.healthPath() != null) {
                    healthWait(app).waitUntilReady(container); // after the container's own wait strategy, not instead
                }
            }, app.startupTimeout());
        } catch (RuntimeException e) {
            try {
                StopOnExit.stop(owned);
            } finally {
                stubs.close();
            }
            String logs = logTail.text();
            if (source instanceof AppSource.FromDockerfile dockerfile && BuildOutput.isBuildFailure(e)) {
                String build = BuildOutput.tailOf(dockerfile.absolute(), dockerfile.effectiveBuildArgs(), BUILD_OUTPUT_WAIT);
                throw new AppStartException(Redaction.text("the image of the application could not be built from " + dockerfile.origin()
                        + ": " + rootMessage(e) + (build.isEmpty() ? "" : "\n--- last lines of the build output ---\n" + build)),
                        Redaction.throwable(e));
            }
            throw new AppStartException(Redaction.text("the application from " + source.origin() + " was not "
                    + (testsContainer ? "" : "built, ") + "started and ready (" + app.readiness() + ") within " + app.startupTimeout().toSeconds() + "s: "
                    + rootMessage(e) + (logs.isEmpty() ? "" : "\n--- last lines of the container log ---\n" + logs)), Redaction.throwable(e));
        }
        return new RunningApp(container, app.port(), owned, logTail, stubs, app.metrics(), source.describe()); // started: its image is known
    }

    private static WaitStrategy healthWait(AppUnderTest app) {
        return Wait.forHttp(app.healthPath()).forPort(app.port()).forStatusCodeMatching(code -> code >= 200 && code < 300)
                .withStartupTimeout(app.startupTimeout());
    }

    /** Testcontainers bounds only the health wait; the image build and container start are bounded here. */
    private static void startWithin(Runnable starting, Duration timeout) {
        FutureTask<Void> start = new FutureTask<>(starting, null);
        Thread starter = new Thread(start, "perfgate-app-start");
        starter.setDaemon(true);
        starter.start();
        try {
            start.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            start.cancel(true);
            throw new IllegalStateException("timed out after " + timeout.toSeconds() + "s; building the image includes pulling"
                    + " its base image: where no registry is reachable, set " + AppUnderTest.BASE_IMAGE_ENV
                    + " to a local image (README, \"Offline / air-gapped CI\")", e);
        } catch (InterruptedException e) {
            start.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
        }
    }

    /** The metrics to scrape from the application during a run, or {@code null}. */
    PrometheusMetrics metrics() {
        return metrics;
    }

    /** Where load goes: the container's port published on this machine. */
    URI baseUri() {
        return baseUri;
    }

    /** The application container's id, for its resource figures. */
    String containerId() {
        return container.getContainerId();
    }

    /** The Docker engine's version, for the result's environment. */
    static String dockerVersion() {
        try {
            return DockerClientFactory.instance().getInfo().getServerVersion();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether the application container still runs (asks the Docker engine). */
    boolean isRunning() {
        return container.isRunning();
    }

    /** {@code null} while the container runs; else which it is, how it ended (exit code, out of memory) and its log tail. */
    String deathNotice() {
        String how = ContainerEnd.of(container.getContainerId());
        if (how == null) {
            return null;
        }
        logTail.awaitEnd(LOG_END_WAIT); // the last lines may still be on their way
        return "the application container (" + description + ") stopped during the run" + how
                + "\n--- last lines of the container log ---\n" + logTail.text();
    }

    /** {@code null} while the containers the application depends on run; else which stopped, how, and their log tails. */
    String dependencyDeathNotice() {
        return dependencies.deathNotice();
    }

    /** The application's stubs, none when it declares none. */
    RunningStubs stubs() {
        return stubs;
    }

    @Override
    public void close() {
        try {
            StopOnExit.stop(owned);
        } finally {
            stubs.close();
        }
    }

    private static String hostOf(GenericContainer<?> container) {
        String host = container.getHost();
        // Load goes to loopback only: a Docker engine on this machine publishes ports on localhost.
        return "localhost".equals(host) ? "127.0.0.1" : host;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }
}
