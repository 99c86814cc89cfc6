package dev.perfgate.junit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.testcontainers.containers.GenericContainer;

import dev.perfgate.core.http.Redaction;

/**
 * The application a load test drives: how to build and start its container, which port it serves,
 * and when it is ready. Declare it in a static field marked {@link App}.
 *
 * <pre>{@code
 * @App
 * static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile")
 *         .withPort(8080)
 *         .withHealthPath("/health")
 *         .withEnv("CACHE_SIZE", "1000");
 * }</pre>
 *
 * <p>Or from a released image, {@code AppUnderTest.fromImage("shop:1.4.0")}, from the executable
 * jar the build made, {@code AppUnderTest.fromJar("target/shop.jar")}, or from a Testcontainers
 * container the test built itself, with its own network and the services beside it (a database),
 * {@code AppUnderTest.fromContainer(appContainer)}.
 *
 * <h2>Downstream services</h2>
 * {@link #withStub(String, Stub)} plays a service the application calls with a WireMock server in
 * the test JVM, started before the container and stopped after it; the container reaches it at
 * {@code http://host.docker.internal:<port>}, given in the named environment variable.
 *
 * <h2>Application metrics</h2>
 * {@link #withPrometheusMetrics(String, String...)} scrapes named metrics (pool usage, cache hits)
 * from the application's Prometheus endpoint during the run into the result.
 *
 * <h2>Base image</h2>
 * A Dockerfile that starts with {@code ARG BASE_IMAGE=...} and {@code FROM ${BASE_IMAGE}} can be
 * built on a machine without an image registry: the build argument {@code BASE_IMAGE} is set from
 * the system property {@value #BASE_IMAGE_PROPERTY} or else the environment variable
 * {@value #BASE_IMAGE_ENV}, when either is set (see {@code scripts/docker-up.sh}).
 *
 * <p>Instances are immutable: each {@code withX} returns a copy.
 *
 * @since 0.1
 */
public final class AppUnderTest {

    /** System property giving the {@code BASE_IMAGE} build argument: {@value}. */
    public static final String BASE_IMAGE_PROPERTY = "perfgate.baseImage";
    /** Environment variable giving the {@code BASE_IMAGE} build argument: {@value}. */
    public static final String BASE_IMAGE_ENV = "PERFGATE_BASE_IMAGE";

    // Not final so that each withX copies once and changes one part (copyWith); nothing changes them after.
    private AppSource source;
    private int port;
    private String healthPath;
    private Map<String, String> env;
    private Duration startupTimeout;
    private Map<String, Stub> stubs;
    private PrometheusMetrics metrics;
    private AppUnderTest reference;

    /** The port of a {@link #fromContainer container} until {@link #withPort} chooses one: its only exposed port. */
    private static final int ONLY_EXPOSED_PORT = 0;

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private AppUnderTest(AppSource source, int port, String healthPath, Map<String, String> env, Duration startupTimeout,
            Map<String, Stub> stubs, PrometheusMetrics metrics, AppUnderTest reference) {
        this.source = source;
        this.port = port;
        this.healthPath = healthPath;
        this.env = Map.copyOf(env);
        this.startupTimeout = startupTimeout;
        this.stubs = Collections.unmodifiableMap(new LinkedHashMap<>(stubs));
        this.metrics = metrics;
        this.reference = reference;
    }

    /** A copy of this application with {@code change} applied to the copy's parts. */
    private AppUnderTest copyWith(Consumer<AppUnderTest> change) {
        AppUnderTest copy = new AppUnderTest(source, port, healthPath, env, startupTimeout, stubs, metrics, reference);
        change.accept(copy);
        return copy;
    }

    private static AppUnderTest of(AppSource source) {
        return new AppUnderTest(source, 8080, "/health", Map.of(), Duration.ofSeconds(60), Map.of(), null, null);
    }

    /**
     * An application built from {@code dockerfile}, relative to the working directory (the module's
     * folder under Maven); the Dockerfile's folder is the build context, filtered by its
     * {@code .dockerignore}. Defaults: port 8080, health path {@code /health}, startup timeout 60 s.
     */
    public static AppUnderTest fromDockerfile(String dockerfile) {
        Objects.requireNonNull(dockerfile, "dockerfile");
        return of(new AppSource.FromDockerfile(Path.of(dockerfile), Map.of()));
    }

    /**
     * An application run from an existing image, e.g. a released version pulled from a registry or
     * built earlier: {@code AppUnderTest.fromImage("registry.example.com/shop:1.4.0")}. Nothing is built;
     * the image is pulled when the Docker engine does not have it. Defaults as {@link #fromDockerfile}.
     */
    public static AppUnderTest fromImage(String image) {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("fromImage: '" + image + "' is not an image name; e.g. \"shop:1.4.0\"");
        }
        return of(new AppSource.FromImage(image.strip()));
    }

    /**
     * An application from its executable jar (a {@code Main-Class} in its manifest, as Spring Boot's
     * repackaged jar has), relative to the working directory, run with {@code java -jar} on a JRE image,
     * so that no Dockerfile is needed:
     * {@code AppUnderTest.fromJar("target/shop.jar").withBaseImage("eclipse-temurin:21-jre")}. The base
     * image is {@link #withBaseImage}'s, else the one set by {@value #BASE_IMAGE_PROPERTY} or
     * {@value #BASE_IMAGE_ENV}, else {@value AppSource#DEFAULT_JRE_IMAGE}. JVM options go in the
     * environment, e.g. {@code withEnv("JAVA_TOOL_OPTIONS", "-Xmx256m")}. Defaults as {@link #fromDockerfile}.
     */
    public static AppUnderTest fromJar(String jar) {
        if (jar == null || jar.isBlank()) {
            throw new IllegalArgumentException("fromJar: '" + jar + "' is not a path; e.g. \"target/app.jar\"");
        }
        return of(new AppSource.FromJar(Path.of(jar.strip()), null));
    }

    /**
     * An application in a Testcontainers container the test built itself: its image, network,
     * environment, wait strategy and the containers it depends on are the test's, e.g. a database
     * beside it on a network of its own.
     *
     * <pre>{@code
     * static Network network = Network.newNetwork();
     * static PostgreSQLContainer<?> db = new PostgreSQLContainer<>("postgres:16").withNetwork(network).withNetworkAliases("db");
     * static GenericContainer<?> shop = new GenericContainer<>("shop:1.4.0")
     *         .withNetwork(network).withExposedPorts(8080).dependsOn(db)
     *         .withEnv("DB_URL", "jdbc:postgresql://db:5432/test")
     *         .waitingFor(Wait.forHttp("/actuator/health"));
     *
     * @App
     * static AppUnderTest app = AppUnderTest.fromContainer(shop); // below the container: fields initialise in order
     * }</pre>
     *
     * <p>Left unstarted, perfgate starts it when the first load test of the class runs (Testcontainers
     * starts its {@code dependsOn} containers first), with {@link #withEnv} and {@link #withStub} settings
     * added, and after the class stops it and each dependency it started; the network stays the test's
     * (Testcontainers removes it when the JVM exits). Started by the test already (e.g. a
     * {@code @Container} field), it is the test's to stop, and {@code withEnv}/{@code withStub} are
     * refused: they could no longer reach it.
     *
     * <p>Load goes to its exposed port (the only one, else the one {@link #withPort} chooses) as
     * published on 127.0.0.1. It is ready when its own wait strategy says so and, if
     * {@link #withHealthPath} is given, its health path answers 2xx. A container exposing no port, or
     * {@code null} (the container's field declared below the {@code @App} field), is refused naming the
     * field before anything starts. It runs once, so it cannot be its own {@link SideBySide} reference:
     * build a second container for {@link #withReference}.
     */
    public static AppUnderTest fromContainer(GenericContainer<?> container) {
        return new AppUnderTest(new AppSource.FromContainer(container), ONLY_EXPOSED_PORT, null, Map.of(), Duration.ofSeconds(60),
                Map.of(), null, null);
    }

    /** The port the application listens on inside its container (for a {@link #fromContainer container}, one it exposes). */
    public AppUnderTest withPort(int containerPort) {
        if (containerPort < 1 || containerPort > 65_535) {
            throw new IllegalArgumentException("withPort: " + containerPort + " is not a port; use 1 to 65535");
        }
        return copyWith(copy -> copy.port = containerPort);
    }

    /**
     * The path that answers 2xx once the application is ready for load, e.g. {@code "/actuator/health"};
     * for a {@link #fromContainer container}, checked after its own wait strategy (none by default).
     */
    public AppUnderTest withHealthPath(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("withHealthPath: '" + path + "' must start with '/', e.g. \"/health\"");
        }
        return copyWith(copy -> copy.healthPath = path);
    }

    /** An environment variable of the application's container. */
    public AppUnderTest withEnv(String name, String value) {
        Objects.requireNonNull(name, "name");
        if (stubs.containsKey(name)) {
            throw new IllegalArgumentException("withEnv: " + name + " already holds the URL of a stub (withStub); choose another"
                    + " name, e.g. withEnv(\"" + name + "_TIMEOUT\", \"2s\")");
        }
        Map<String, String> more = new LinkedHashMap<>(env);
        more.put(name, Objects.requireNonNull(value, "value"));
        return copyWith(copy -> copy.env = Map.copyOf(more));
    }

    /**
     * A downstream service played by {@code stub}: its URL, {@code http://host.docker.internal:<port>},
     * is given to the container in the environment variable {@code envName} (letters, digits and
     * {@code _}, not set by {@link #withEnv}), e.g.
     * {@code withStub("LLM_URL", Stub.wiremock(server -> server.stubFor(post("/v1/chat").willReturn(okJson("{}")))))}.
     */
    public AppUnderTest withStub(String envName, Stub stub) {
        String example = "withStub(\"LLM_URL\", Stub.wiremock(server -> server.stubFor(get(\"/x\").willReturn(ok()))))";
        if (envName == null || !ENV_NAME.matcher(envName).matches()) {
            throw new IllegalArgumentException("withStub: environment variable name '" + envName
                    + "' is not letters, digits and _ (not starting with a digit); e.g. " + example);
        }
        if (env.containsKey(envName)) {
            throw new IllegalArgumentException("withStub: " + envName + " is already set by withEnv; the stub's URL needs"
                    + " a variable of its own, drop withEnv(\"" + envName + "\", ...) or name another, e.g. " + example);
        }
        if (stubs.containsKey(envName)) {
            throw new IllegalArgumentException("withStub: " + envName + " already has a stub; give each stub its own variable, e.g. "
                    + example);
        }
        Objects.requireNonNull(stub, "stub");
        Map<String, Stub> more = new LinkedHashMap<>(stubs);
        more.put(envName, stub);
        return copyWith(copy -> copy.stubs = Collections.unmodifiableMap(more));
    }

    /** A build argument of the Dockerfile ({@code ARG name}). */
    public AppUnderTest withBuildArg(String name, String value) {
        if (!(source instanceof AppSource.FromDockerfile dockerfile)) {
            throw new IllegalArgumentException("withBuildArg: " + source.describe() + " is not built from a Dockerfile; build arguments"
                    + " apply to AppUnderTest.fromDockerfile(...)");
        }
        AppSource built = dockerfile.withBuildArg(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return copyWith(copy -> copy.source = built);
    }

    /**
     * The JRE image a {@link #fromJar jar} runs on, e.g. {@code "eclipse-temurin:21-jre"}; without it, the
     * image of {@value #BASE_IMAGE_PROPERTY} or {@value #BASE_IMAGE_ENV}, else {@value AppSource#DEFAULT_JRE_IMAGE}.
     */
    public AppUnderTest withBaseImage(String image) {
        if (!(source instanceof AppSource.FromJar jar)) {
            throw new IllegalArgumentException("withBaseImage: " + source.describe() + " is not a jar; a Dockerfile names its base image"
                    + " in FROM (or ARG BASE_IMAGE, set with withBuildArg), an image or a container is run as it is");
        }
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("withBaseImage: '" + image + "' is not an image name; e.g. \"eclipse-temurin:21-jre\"");
        }
        return copyWith(copy -> copy.source = jar.withBaseImage(image.strip()));
    }

    /** How long the build, start and health check may take together. */
    public AppUnderTest withStartupTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("withStartupTimeout: " + timeout + " must be longer than zero");
        }
        return copyWith(copy -> copy.startupTimeout = timeout);
    }

    /**
     * Scrapes the application's Prometheus endpoint {@code path} about once a second while the load
     * runs and records the metrics {@code names} in the result: min, mean, max, last and every scrape's
     * value, e.g. {@code withPrometheusMetrics("/actuator/prometheus", "hikaricp_connections_active",
     * "cache_gets_total{result=\"hit\"}")}. A name may carry labels, as the endpoint writes them; the
     * series it matches (all of a name without labels) are added up at each scrape. A name the
     * endpoint never serves is recorded as missing, not an error. See {@code docs/metrics.md}.
     *
     * @throws ExtensionConfigurationException when {@code path} does not start with '/' or a name is not a metric name
     */
    public AppUnderTest withPrometheusMetrics(String path, String... names) {
        PrometheusMetrics scraped = PrometheusMetrics.of(path, names);
        return copyWith(copy -> copy.metrics = scraped);
    }

    /**
     * The reference version of this application, which a {@link SideBySide} load test measures in the
     * same run, e.g. the release this build must not be slower than:
     * {@code app.withReference(AppUnderTest.fromDockerfile("Dockerfile").withBuildArg("VERSION", "1.4.0"))}, or the same
     * image with a switch, {@code app.withReference(app.withEnv("FEATURE_X", "off"))}. Its own reference, if any, is ignored.
     */
    public AppUnderTest withReference(AppUnderTest referenceVersion) {
        Objects.requireNonNull(referenceVersion, "referenceVersion");
        return copyWith(copy -> copy.reference = referenceVersion.withoutReference());
    }

    /**
     * The reference version is {@code image}, run with this application's port, health path,
     * environment, stubs and startup timeout: e.g. the released version this build must not be slower
     * than, {@code AppUnderTest.fromDockerfile("Dockerfile").withReferenceImage("shop:1.4.0")}.
     */
    public AppUnderTest withReferenceImage(String image) {
        if (source instanceof AppSource.FromContainer) {
            throw new IllegalArgumentException("withReferenceImage: the application is a container the test built"
                    + " (fromContainer), whose network, wait strategy and dependencies an image cannot inherit; build the"
                    + " reference's container too and declare it, e.g. withReference(AppUnderTest.fromContainer(referenceContainer))");
        }
        return withReference(copyWith(copy -> copy.source = fromImage(image).source));
    }

    /**
     * The reference version is this application as the project was at git ref {@code ref}: a branch,
     * tag or commit, e.g. the main line this change will be merged into.
     *
     * <pre>{@code
     * @App
     * static AppUnderTest app = AppUnderTest.fromJar("target/shop.jar").withReferenceFromGit("origin/main");
     * }</pre>
     *
     * <p>When a {@link SideBySide} test first needs it, perfgate checks the ref's commit out into a git
     * worktree in a cache folder ({@code ~/.cache/perfgate/references}, or {@code -Dperfgate.referenceCache}),
     * builds it with the project's Maven wrapper ({@code ./mvnw -B package -DskipTests}, the module and the
     * modules it needs; {@code mvn} without a wrapper) and runs the same jar or Dockerfile path from it with
     * this application's port, health path, environment, stubs and startup timeout. A commit is built once:
     * later runs reuse it. {@code -Dperfgate.referenceBuild="..."} gives another build command, run in the
     * module's folder of the checkout. Errors name what to do: not a git repository, an unknown ref (in a
     * shallow clone: fetch it), a failing build (with its log's last lines), the file missing at that commit.
     * {@code -Dperfgate.reference=git:<ref>} sets the same for every application of the run.
     *
     * @throws IllegalArgumentException when the application is an image or a container, which is not built from the sources
     */
    public AppUnderTest withReferenceFromGit(String ref) {
        return withReferenceFromGit(ref, null);
    }

    /**
     * As {@link #withReferenceFromGit(String)}, at the commit the committed baselines were recorded at
     * (their {@code environment.gitCommit}; the newest baseline's, in {@code -Dperf.baselineDirectory}, else
     * {@code baselines/} in the module or at the repository's top): this build against the version its
     * baselines describe. {@code -Dperfgate.reference=git} does the same for every application.
     */
    public AppUnderTest withReferenceFromGit() {
        return withGitReference(null, null);
    }

    /**
     * As {@link #withReferenceFromGit(String)}, built with {@code buildCommand}, run by the shell in the
     * module's folder of the checkout, e.g. {@code "./gradlew bootJar"} or {@code "../mvnw -B -q package -DskipTests"}.
     */
    public AppUnderTest withReferenceFromGit(String ref, String buildCommand) {
        if (ref == null || ref.isBlank()) {
            throw new IllegalArgumentException("withReferenceFromGit: '" + ref + "' is not a git ref; e.g. \"origin/main\", a tag or a commit");
        }
        if (buildCommand != null && buildCommand.isBlank()) {
            throw new IllegalArgumentException("withReferenceFromGit: the build command is blank; e.g. \"./mvnw -B package -DskipTests\"");
        }
        return withGitReference(ref.strip(), buildCommand == null ? null : buildCommand.strip());
    }

    /** {@code ref} {@code null}: the baselines' commit. */
    private AppUnderTest withGitReference(String ref, String buildCommand) {
        AppSource fromGit = new AppSource.FromGit(GitReference.inWorkingDirectory(ref, buildCommand), source);
        return withReference(copyWith(copy -> copy.source = fromGit));
    }

    private AppUnderTest withoutReference() {
        return reference == null ? this : copyWith(copy -> copy.reference = null);
    }

    /** The reference version, or {@code null} when none is declared. */
    AppUnderTest reference() {
        return reference;
    }

    /**
     * What this version is, for the result file: the Dockerfile, build arguments and environment
     * (values of variables that look like credentials left out), e.g. {@code "Dockerfile app/Dockerfile, env BURN_MICROS=300"}.
     */
    String describe() {
        return Redaction.text(source.describe() + (env.isEmpty() ? "" : ", env " + new TreeMap<>(env)));
    }

    /** Where the application's container comes from. */
    AppSource source() {
        return source;
    }

    /** The port load goes to inside the container. */
    int port() {
        return port == ONLY_EXPOSED_PORT ? ((AppSource.FromContainer) source).onlyExposedPort() : port;
    }

    /** The path that answers 2xx when the application is ready, or {@code null} for a container left to its wait strategy. */
    String healthPath() {
        return healthPath;
    }

    Map<String, String> env() {
        return env;
    }

    Duration startupTimeout() {
        return startupTimeout;
    }

    /** The stubs by the environment variable that carries their URL, in declaration order. */
    Map<String, Stub> stubs() {
        return stubs;
    }

    /** The metrics to scrape, or {@code null}. */
    PrometheusMetrics metrics() {
        return metrics;
    }

    /** What the start waits for, for messages: e.g. {@code "2xx on /health, port 8080"}. */
    String readiness() {
        String health = healthPath == null ? "" : "2xx on " + healthPath + ", ";
        return (source instanceof AppSource.FromContainer ? "its wait strategy" + (health.isEmpty() ? ", " : ", then ") : "") + health
                + "port " + port();
    }

    /**
     * Fails with what to do when a file the application needs (its Dockerfile, its jar) is missing, or its
     * container cannot be used as declared; {@code where} names the field.
     */
    void requireUsable(String where) {
        source.requireUsable(where);
        if (source instanceof AppSource.FromContainer container) {
            container.requirePort(port, where);
            if (!env.isEmpty() || !stubs.isEmpty()) {
                container.requireNotStarted(where, "withEnv " + env.keySet() + " and withStub " + stubs.keySet());
            }
        }
    }

    @Override
    public String toString() {
        return "AppUnderTest[" + source.describe() + ", port " + (port == ONLY_EXPOSED_PORT ? "exposed" : port) + ", health "
                + healthPath + "]";
    }
}
