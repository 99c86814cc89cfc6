package dev.perfgate.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A downstream service the application calls, played by a WireMock server in the test JVM: routes
 * in WireMock's own DSL, plus latency and faults that perfgate adds to every response. Declare it
 * on the application with {@link AppUnderTest#withStub(String, Stub)}, which passes the server's
 * URL to the container in an environment variable.
 *
 * <pre>{@code
 * import static com.github.tomakehurst.wiremock.client.WireMock.*;
 *
 * @App
 * static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile")
 *         .withStub("LLM_URL", Stub.wiremock(server -> server.stubFor(post("/v1/chat").willReturn(okJson("{\"reply\":\"hi\"}"))))
 *                 .withLatency(Latency.logNormal(Duration.ofMillis(200), 0.3))
 *                 .withFailures(0.05, 503)           // 5 % of responses are 503
 *                 .withDroppedConnections(0.01));    // 1 % of connections are reset
 * }</pre>
 *
 * <h2>Faults</h2>
 * Each request the stub serves is, independently, dropped (the connection is reset, no response)
 * with the dropped-connection probability, else answered with the failure status with the failure
 * probability, else answered by its route. Which requests fail is decided by the seed and the
 * request's number in the order the stub received them, so a run with the same seed fails the same
 * share of its first <i>n</i> requests (the default seed is fixed: runs repeat unless you change it).
 * The latency is WireMock's own sampling and is not seeded.
 *
 * <h2>Dependency</h2>
 * WireMock is an optional dependency of perfgate: add {@code org.wiremock:wiremock-standalone}
 * (test scope) to use stubs; {@code org.wiremock:wiremock} works too. Nothing of WireMock is loaded
 * when no stub is declared. Without it, routes written with WireMock's DSL do not compile, and a
 * class compiled with it but run without it fails in JUnit's discovery with the JVM's
 * {@code NoClassDefFoundError} naming the WireMock class; {@code wiremock} itself names the
 * dependency to add when it is called with routes that do not name WireMock types.
 *
 * <p>Immutable: each {@code withX} returns a copy. The routes run once, when the stub starts.
 *
 * @since 0.1
 */
public final class Stub {

    /** The Maven coordinates of the WireMock perfgate is built with: {@value}, followed by the version. */
    public static final String WIREMOCK_ARTIFACT = "org.wiremock:wiremock-standalone";

    static final String WIREMOCK_SERVER_CLASS = "com.github.tomakehurst.wiremock.WireMockServer";
    private static final long DEFAULT_SEED = 0x5EED_CAFEL;

    private final Consumer<? super WireMockServer> routes;
    private final Latency latency;
    private final double failureProbability;
    private final int failureStatus;
    private final double dropProbability;
    private final long seed;

    private Stub(Consumer<? super WireMockServer> routes, Latency latency, double failureProbability, int failureStatus,
            double dropProbability, long seed) {
        this.routes = routes;
        this.latency = latency;
        this.failureProbability = failureProbability;
        this.failureStatus = failureStatus;
        this.dropProbability = dropProbability;
        this.seed = seed;
    }

    /**
     * A WireMock server whose routes {@code routes} declares, e.g.
     * {@code server -> server.stubFor(get("/x").willReturn(ok()))}. No latency, no faults.
     *
     * @throws IllegalStateException when WireMock is not on the classpath, naming the dependency to add
     */
    public static Stub wiremock(Consumer<? super WireMockServer> routes) {
        Objects.requireNonNull(routes, "routes");
        requireWireMock();
        return new Stub(routes, Latency.none(), 0, 503, 0, DEFAULT_SEED);
    }

    /** Delays every response by {@code latency}, e.g. {@code Latency.fixed(Duration.ofMillis(50))}. */
    public Stub withLatency(Latency latency) {
        Objects.requireNonNull(latency, "latency");
        return new Stub(routes, latency, failureProbability, failureStatus, dropProbability, seed);
    }

    /**
     * Answers a share {@code probability} (0 to 1) of requests with {@code status} (400 to 599)
     * instead of their route, e.g. {@code withFailures(0.05, 503)}.
     */
    public Stub withFailures(double probability, int status) {
        requireProbability("withFailures", probability, "withFailures(0.05, 503)");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("Stub.withFailures: status " + status
                    + " is not an error status from 400 to 599; e.g. withFailures(0.05, 503)");
        }
        requireAtMostOne(probability, dropProbability);
        return new Stub(routes, latency, probability, status, dropProbability, seed);
    }

    /** Resets the connection of a share {@code probability} (0 to 1) of requests without answering, e.g. {@code 0.01}. */
    public Stub withDroppedConnections(double probability) {
        requireProbability("withDroppedConnections", probability, "withDroppedConnections(0.01)");
        requireAtMostOne(failureProbability, probability);
        return new Stub(routes, latency, failureProbability, failureStatus, probability, seed);
    }

    /** The seed of the fault draws; two runs with one seed fault the same requests by number. */
    public Stub withSeed(long seed) {
        return new Stub(routes, latency, failureProbability, failureStatus, dropProbability, seed);
    }

    Consumer<? super WireMockServer> routes() {
        return routes;
    }

    Latency latency() {
        return latency;
    }

    double failureProbability() {
        return failureProbability;
    }

    int failureStatus() {
        return failureStatus;
    }

    double dropProbability() {
        return dropProbability;
    }

    long seed() {
        return seed;
    }

    /** Fails unless WireMock's server class can be loaded, naming the dependency to add. */
    static void requireWireMock() {
        try {
            Class.forName(WIREMOCK_SERVER_CLASS, false, Stub.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(missingWireMockMessage(), e);
        }
    }

    private static String missingWireMockMessage() {
        String version = wireMockVersion();
        return "Stub.wiremock needs WireMock on the test classpath, and " + WIREMOCK_SERVER_CLASS + " is not there; add"
                + " <dependency><groupId>org.wiremock</groupId><artifactId>wiremock-standalone</artifactId><version>" + version
                + "</version><scope>test</scope></dependency> (" + WIREMOCK_ARTIFACT + ":" + version
                + ", the version perfgate is built with)";
    }

    /** The WireMock version perfgate is built with, from the resource Maven filters at build time. */
    static String wireMockVersion() {
        Properties properties = new Properties();
        try (InputStream in = Stub.class.getResourceAsStream("perfgate-junit.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("wiremock.version", "3.13.2");
    }

    private static void requireProbability(String method, double probability, String example) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("Stub." + method + ": probability " + probability
                    + " is not from 0 to 1; e.g. " + example);
        }
    }

    private static void requireAtMostOne(double failureProbability, double dropProbability) {
        if (failureProbability + dropProbability > 1 + 1e-12) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Stub: failures (%s) and dropped connections (%s)"
                    + " together exceed probability 1; e.g. withFailures(0.05, 503).withDroppedConnections(0.01)",
                    failureProbability, dropProbability));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Stub[WireMock, latency %s, failures %s x %d, dropped %s, seed %d]",
                latency, failureProbability, failureStatus, dropProbability, seed);
    }
}
