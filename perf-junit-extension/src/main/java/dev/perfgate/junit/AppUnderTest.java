package dev.perfgate.junit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

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

    private final Path dockerfile;
    private final int port;
    private final String healthPath;
    private final Map<String, String> env;
    private final Map<String, String> buildArgs;
    private final Duration startupTimeout;
    private final Map<String, Stub> stubs;
    private final PrometheusMetrics metrics;
    private final AppUnderTest reference;
    private final String image;

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private AppUnderTest(Path dockerfile, int port, String healthPath, Map<String, String> env,
            Map<String, String> buildArgs, Duration startupTimeout, Map<String, Stub> stubs, PrometheusMetrics metrics,
            AppUnderTest reference, String image) {
        this.metrics = metrics;
        this.dockerfile = dockerfile;
        this.port = port;
        this.healthPath = healthPath;
        this.env = Map.copyOf(env);
        this.buildArgs = Map.copyOf(buildArgs);
        this.startupTimeout = startupTimeout;
        this.stubs = Collections.unmodifiableMap(new LinkedHashMap<>(stubs));
        this.reference = reference;
        this.image = image;
    }

    /**
     * An application built from {@code dockerfile}, relative to the working directory (the module's
     * folder under Maven); the Dockerfile's folder is the build context, filtered by its
     * {@code .dockerignore}. Defaults: port 8080, health path {@code /health}, startup timeout 60 s.
     */
    public static AppUnderTest fromDockerfile(String dockerfile) {
        Objects.requireNonNull(dockerfile, "dockerfile");
        return new AppUnderTest(Path.of(dockerfile), 8080, "/health", Map.of(), Map.of(), Duration.ofSeconds(60), Map.of(), null, null, null);
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
        return new AppUnderTest(null, 8080, "/health", Map.of(), Map.of(), Duration.ofSeconds(60), Map.of(), null, null, image.strip());
    }

    /** The port the application listens on inside its container. */
    public AppUnderTest withPort(int containerPort) {
        if (containerPort < 1 || containerPort > 65_535) {
            throw new IllegalArgumentException("withPort: " + containerPort + " is not a port; use 1 to 65535");
        }
        return new AppUnderTest(dockerfile, containerPort, healthPath, env, buildArgs, startupTimeout, stubs, metrics, reference, image);
    }

    /** The path that answers 2xx once the application is ready for load, e.g. {@code "/actuator/health"}. */
    public AppUnderTest withHealthPath(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("withHealthPath: '" + path + "' must start with '/', e.g. \"/health\"");
        }
        return new AppUnderTest(dockerfile, port, path, env, buildArgs, startupTimeout, stubs, metrics, reference, image);
    }

    /** An environment variable of the application's container. */
    public AppUnderTest withEnv(String name, String value) {
        Objects.requireNonNull(name, "name");
        if (stubs.containsKey(name)) {
            throw new IllegalArgumentException("withEnv: " + name + " already holds the URL of a stub (withStub); choose another"
                    + " name, e.g. withEnv(\"" + name + "_TIMEOUT\", \"2s\")");
        }
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.put(name, Objects.requireNonNull(value, "value"));
        return new AppUnderTest(dockerfile, port, healthPath, copy, buildArgs, startupTimeout, stubs, metrics, reference, image);
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
        Map<String, Stub> copy = new LinkedHashMap<>(stubs);
        copy.put(envName, stub);
        return new AppUnderTest(dockerfile, port, healthPath, env, buildArgs, startupTimeout, copy, metrics, reference, image);
    }

    /** A build argument of the Dockerfile ({@code ARG name}). */
    public AppUnderTest withBuildArg(String name, String value) {
        if (image != null) {
            throw new IllegalArgumentException("withBuildArg: " + source() + " is run as it is, not built; build arguments apply to"
                    + " AppUnderTest.fromDockerfile(...)");
        }
        Map<String, String> copy = new LinkedHashMap<>(buildArgs);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new AppUnderTest(dockerfile, port, healthPath, env, copy, startupTimeout, stubs, metrics, reference, image);
    }

    /** How long the build, start and health check may take together. */
    public AppUnderTest withStartupTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("withStartupTimeout: " + timeout + " must be longer than zero");
        }
        return new AppUnderTest(dockerfile, port, healthPath, env, buildArgs, timeout, stubs, metrics, reference, image);
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
        return new AppUnderTest(dockerfile, port, healthPath, env, buildArgs, startupTimeout, stubs, PrometheusMetrics.of(path, names),
                reference, image);
    }

    /**
     * The reference version of this application, which a {@link SideBySide} load test measures in the
     * same run, e.g. the release this build must not be slower than:
     * {@code app.withReference(AppUnderTest.fromDockerfile("Dockerfile").withBuildArg("VERSION", "1.4.0"))}, or the same
     * image with a switch, {@code app.withReference(app.withEnv("FEATURE_X", "off"))}. Its own reference, if any, is ignored.
     */
    public AppUnderTest withReference(AppUnderTest referenceVersion) {
        Objects.requireNonNull(referenceVersion, "referenceVersion");
        return new AppUnderTest(dockerfile, port, healthPath, env, buildArgs, startupTimeout, stubs, metrics,
                referenceVersion.withoutReference(), image);
    }

    /**
     * The reference version is {@code image}, run with this application's port, health path,
     * environment, stubs and startup timeout: e.g. the released version this build must not be slower
     * than, {@code AppUnderTest.fromDockerfile("Dockerfile").withReferenceImage("shop:1.4.0")}.
     */
    public AppUnderTest withReferenceImage(String image) {
        AppUnderTest released = fromImage(image);
        return withReference(new AppUnderTest(null, port, healthPath, env, Map.of(), startupTimeout, stubs, metrics, null,
                released.image));
    }

    private AppUnderTest withoutReference() {
        return reference == null ? this : new AppUnderTest(dockerfile, port, healthPath, env, buildArgs, startupTimeout, stubs, metrics, null, image);
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
        StringBuilder text = new StringBuilder(source());
        if (!buildArgs.isEmpty()) {
            text.append(", build args ").append(new TreeMap<>(buildArgs));
        }
        if (!env.isEmpty()) {
            text.append(", env ").append(new TreeMap<>(env));
        }
        return Redaction.text(text.toString());
    }

    /** Where the application comes from, e.g. {@code "Dockerfile app/Dockerfile"} or {@code "image shop:1.4.0"}. */
    String source() {
        return image != null ? "image " + image : "Dockerfile " + dockerfile;
    }

    /** The image to run as it is, or {@code null} when the application is built from its Dockerfile. */
    String image() {
        return image;
    }

    /** The Dockerfile, or {@code null} for an application {@link #fromImage from an image}. */
    Path dockerfile() {
        return dockerfile;
    }

    int port() {
        return port;
    }

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

    /** Build arguments with {@code BASE_IMAGE} filled from the property or environment where set. */
    Map<String, String> effectiveBuildArgs() {
        Map<String, String> args = new LinkedHashMap<>(buildArgs);
        String baseImage = System.getProperty(BASE_IMAGE_PROPERTY, System.getenv(BASE_IMAGE_ENV));
        if (baseImage != null && !baseImage.isBlank() && !args.containsKey("BASE_IMAGE")) {
            args.put("BASE_IMAGE", baseImage.strip());
        }
        return args;
    }

    /** Fails with what to do when the Dockerfile is not there; {@code where} names the field. */
    void requireDockerfile(String where) {
        if (image == null && !Files.isRegularFile(dockerfile)) {
            throw new ExtensionConfigurationException(where + ": Dockerfile '" + dockerfile.toAbsolutePath()
                    + "' does not exist; give its path relative to the module folder, e.g. AppUnderTest.fromDockerfile(\"Dockerfile\")");
        }
    }

    @Override
    public String toString() {
        return "AppUnderTest[" + (image != null ? image : dockerfile) + ", port " + port + ", health " + healthPath + "]";
    }
}
