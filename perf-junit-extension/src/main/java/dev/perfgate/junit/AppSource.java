package dev.perfgate.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;

/**
 * Where the application's container comes from: a Dockerfile built with its folder as the context, an
 * image run as it is, an executable jar run on a JRE base image, or a container the test built itself.
 * The first three make the bare container that {@link RunningApp} gives its port, environment, stubs
 * and readiness wait; the test's own container keeps its ports and wait strategy.
 */
sealed interface AppSource permits AppSource.FromDockerfile, AppSource.FromImage, AppSource.FromJar, AppSource.FromContainer,
        AppSource.FromGit {

    /** The base image where none is chosen for a jar, and the default of the sample Dockerfiles: {@value}. */
    String DEFAULT_JRE_IMAGE = "eclipse-temurin:17-jre";

    /** The container of this source: a new one, neither configured nor started; for {@link FromContainer}, the test's own. */
    GenericContainer<?> newContainer();

    /** What this source is, for people and the result file, e.g. {@code "Dockerfile app/Dockerfile, build args {VERSION=1.4.0}"}. */
    String describe();

    /** Where the container comes from in error messages: an absolute path, or the image. */
    String origin();

    /**
     * Fails, naming {@code where} the application is declared, when a file this source needs is missing or
     * unusable, or the test's container cannot be used, so that the test stops before any container starts.
     */
    void requireUsable(String where);

    /** The base image from {@value AppUnderTest#BASE_IMAGE_PROPERTY} or {@value AppUnderTest#BASE_IMAGE_ENV}, or {@code null}. */
    static String configuredBaseImage() {
        String baseImage = System.getProperty(AppUnderTest.BASE_IMAGE_PROPERTY, System.getenv(AppUnderTest.BASE_IMAGE_ENV));
        return baseImage == null || baseImage.isBlank() ? null : baseImage.strip();
    }

    /** One tag per built source: {@code label} for people, a hash of {@code key} so that two sources never share one. */
    static String imageNameFor(String label, String key) {
        String name = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return "perfgate-under-test/" + name + "-" + String.format("%08x", key.hashCode()) + ":latest";
    }

    /**
     * A build of the image tagged {@code name}, kept after the run. Docker keeps the container of a failed build
     * step unless told otherwise: without {@code forcerm} every failing build would leave one stopped on the
     * user's engine.
     */
    static ImageFromDockerfile imageBuild(String name) {
        return new ImageFromDockerfile(name, false).withBuildImageCmdModifier(build -> build.withForcerm(true));
    }

    /** A Dockerfile, its folder the build context (filtered by its {@code .dockerignore}). */
    record FromDockerfile(Path dockerfile, Map<String, String> buildArgs) implements AppSource {

        public FromDockerfile {
            buildArgs = Map.copyOf(buildArgs);
        }

        FromDockerfile withBuildArg(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(buildArgs);
            copy.put(name, value);
            return new FromDockerfile(dockerfile, copy);
        }

        /** Build arguments with {@code BASE_IMAGE} filled from the property or environment where set. */
        Map<String, String> effectiveBuildArgs() {
            Map<String, String> args = new LinkedHashMap<>(buildArgs);
            String baseImage = configuredBaseImage();
            if (baseImage != null && !args.containsKey("BASE_IMAGE")) {
                args.put("BASE_IMAGE", baseImage);
            }
            return args;
        }

        Path absolute() {
            return dockerfile.toAbsolutePath().normalize();
        }

        @Override
        public GenericContainer<?> newContainer() {
            return new GenericContainer<>(imageBuild(imageNameFor(absolute()))
                    .withDockerfile(absolute())
                    .withBuildArgs(effectiveBuildArgs()));
        }

        /** The tag of {@code dockerfile}'s image: its folder's name and a hash of its path. */
        static String imageNameFor(Path dockerfile) {
            return AppSource.imageNameFor(dockerfile.getParent() == null ? "app" : dockerfile.getParent().getFileName().toString(),
                    dockerfile.toString());
        }

        @Override
        public String describe() {
            return "Dockerfile " + dockerfile + (buildArgs.isEmpty() ? "" : ", build args " + new TreeMap<>(buildArgs));
        }

        @Override
        public String origin() {
            return absolute().toString();
        }

        @Override
        public void requireUsable(String where) {
            if (!Files.isRegularFile(dockerfile)) {
                throw new ExtensionConfigurationException(where + ": Dockerfile '" + dockerfile.toAbsolutePath()
                        + "' does not exist; give its path relative to the module folder, e.g. AppUnderTest.fromDockerfile(\"Dockerfile\")");
            }
        }
    }

    /** An image run as it is, pulled when the Docker engine does not have it. */
    record FromImage(String image) implements AppSource {

        @Override
        public GenericContainer<?> newContainer() {
            return new GenericContainer<>(DockerImageName.parse(image));
        }

        @Override
        public String describe() {
            return "image " + image;
        }

        @Override
        public String origin() {
            return describe();
        }

        @Override
        public void requireUsable(String where) {
            // nothing to check before the engine is asked for it
        }
    }

    /**
     * An executable jar ({@code Main-Class} in its manifest) run with {@code java -jar} on a JRE image:
     * {@code baseImage}, else the configured base image, else {@value #DEFAULT_JRE_IMAGE}.
     */
    record FromJar(Path jar, String baseImage) implements AppSource {

        FromJar withBaseImage(String image) {
            return new FromJar(jar, image);
        }

        Path absolute() {
            return jar.toAbsolutePath().normalize();
        }

        /** The JRE image the jar runs on. */
        String effectiveBaseImage() {
            if (baseImage != null) {
                return baseImage;
            }
            String configured = configuredBaseImage();
            return configured != null ? configured : DEFAULT_JRE_IMAGE;
        }

        /** The generated Dockerfile: the jar copied onto the base image and started with {@code java -jar}. */
        String dockerfile() {
            return String.join("\n",
                    "# Generated by perfgate for " + jar.getFileName(),
                    "FROM " + effectiveBaseImage(),
                    "WORKDIR /app",
                    "COPY app.jar /app/app.jar",
                    "ENTRYPOINT [\"java\", \"-jar\", \"/app/app.jar\"]",
                    "");
        }

        @Override
        public GenericContainer<?> newContainer() {
            Path absolute = absolute();
            String label = absolute.getFileName().toString().replaceFirst("(?i)\\.jar$", "");
            return new GenericContainer<>(imageBuild(imageNameFor(label, absolute + " on " + effectiveBaseImage()))
                    .withFileFromPath("app.jar", absolute)
                    .withFileFromString("Dockerfile", dockerfile()));
        }

        @Override
        public String describe() {
            return "jar " + jar + " on " + effectiveBaseImage();
        }

        @Override
        public String origin() {
            return "jar " + absolute() + " on " + effectiveBaseImage();
        }

        @Override
        public void requireUsable(String where) {
            Path absolute = absolute();
            if (!Files.isRegularFile(jar)) {
                throw new ExtensionConfigurationException(where + ": jar '" + absolute + "' does not exist; build it first (the load"
                        + " tests run after `package`, e.g. as failsafe integration tests) and give its path relative to the module"
                        + " folder, e.g. AppUnderTest.fromJar(\"target/app.jar\")");
            }
            String mainClass;
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                mainClass = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            } catch (IOException e) {
                throw new ExtensionConfigurationException(where + ": '" + absolute + "' is not a readable jar (" + e.getMessage()
                        + "); give the application's executable jar, e.g. AppUnderTest.fromJar(\"target/app.jar\")", e);
            }
            if (mainClass == null || mainClass.isBlank()) {
                throw new ExtensionConfigurationException(where + ": jar '" + absolute + "' has no Main-Class in its manifest, so"
                        + " `java -jar` cannot start it; give the executable jar (e.g. the one spring-boot-maven-plugin's repackage"
                        + " makes) or use AppUnderTest.fromDockerfile(...)");
            }
        }
    }

    /**
     * A container the test built itself, with its own network, environment, wait strategy and
     * dependencies ({@code dependsOn}): run as it is, not copied, so it cannot be the application and its
     * reference at once. {@code null} until the field that holds it is initialised: refused by
     * {@link #requireUsable} naming the {@code @App} field.
     */
    record FromContainer(GenericContainer<?> container) implements AppSource {

        @Override
        public GenericContainer<?> newContainer() {
            return container;
        }

        /** Whether the test started it itself: then its settings are fixed, and it is the test's to stop. */
        boolean startedByTheTest() {
            return container.getContainerId() != null;
        }

        /** The one port it exposes; a container exposing several needs {@code withPort}. */
        int onlyExposedPort() {
            List<Integer> ports = container.getExposedPorts();
            if (ports.size() != 1) {
                throw new IllegalStateException("the container exposes ports " + ports + ", not one: withPort chooses");
            }
            return ports.get(0);
        }

        /** The class of the container and, once known (no pull or build is started for it), its image. */
        @Override
        public String describe() {
            String kind = container == null ? "null" : container.getClass().getSimpleName();
            return "container " + kind + (container != null && container.getImage().isDone() ? " of image " + container.getDockerImageName() : "");
        }

        @Override
        public String origin() {
            return describe();
        }

        @Override
        public void requireUsable(String where) {
            if (container == null) {
                throw new ExtensionConfigurationException(where + ": AppUnderTest.fromContainer(null): the container is not built"
                        + " yet when the @App field is initialised; declare the container's static field above the @App field"
                        + " (static fields are initialised in order)");
            }
            if (container.getExposedPorts().isEmpty()) {
                throw new ExtensionConfigurationException(where + ": the " + describe() + " exposes no port, so there is nothing"
                        + " to load; call withExposedPorts(8080) on it with the port the application listens on");
            }
        }

        /** Fails unless {@code chosen} (0: none chosen) is one of the ports it exposes, or none is chosen and it exposes one. */
        void requirePort(int chosen, String where) {
            List<Integer> ports = container.getExposedPorts();
            if (chosen != 0 && !ports.contains(chosen)) {
                throw new ExtensionConfigurationException(where + ": withPort(" + chosen + ") is not among the ports the container"
                        + " exposes " + ports + "; choose one of them, or add it with withExposedPorts on the container");
            }
            if (chosen == 0 && ports.size() > 1) {
                throw new ExtensionConfigurationException(where + ": the container exposes ports " + ports + "; say which one"
                        + " takes the load, e.g. AppUnderTest.fromContainer(app).withPort(" + ports.get(0) + ")");
            }
        }

        /** Fails when the test started the container already, so that {@code settings} can no longer reach it. */
        void requireNotStarted(String where, String settings) {
            if (startedByTheTest()) {
                throw new ExtensionConfigurationException(where + ": the container runs already (the test started it), so "
                        + settings + " cannot reach it any more; set them on the container itself before starting it"
                        + " (withEnv, withExtraHost), or leave starting it to perfgate");
            }
        }
    }

    /**
     * The same jar or Dockerfile as {@code source} (a {@link FromJar} or {@link FromDockerfile}, its path
     * relative to the module folder), taken from the project as it was at a git ref: checked out and built
     * by {@link ReferenceWorktree} when its container is first asked for.
     */
    record FromGit(GitReference reference, AppSource source) implements AppSource {

        public FromGit {
            if (!(source instanceof FromJar || source instanceof FromDockerfile)) {
                throw new IllegalArgumentException("withReferenceFromGit: " + source.describe() + " is not built from the project's"
                        + " sources; a reference from git needs AppUnderTest.fromJar(...) or fromDockerfile(...); for a released image"
                        + " use withReferenceImage(\"shop:1.4.0\")");
            }
        }

        @Override
        public GenericContainer<?> newContainer() {
            return built().newContainer();
        }

        /** {@code source} with its path in the built checkout. */
        AppSource built() {
            Path module = reference.builtModule("the reference " + describe());
            AppSource built = source instanceof FromJar jar ? new FromJar(module.resolve(jar.jar()), jar.baseImage())
                    : new FromDockerfile(module.resolve(fileOf(source)), ((FromDockerfile) source).buildArgs());
            Path file = fileOf(built);
            if (!Files.isRegularFile(file)) {
                throw new AppStartException("the reference built from " + describe() + " has no " + file + ": the build at that"
                        + " commit did not make it (an older name or path?); choose a reference that makes it, or its build command"
                        + " with -D" + ReferenceWorktree.BUILD_PROPERTY + "=\"...\"", null);
            }
            return built;
        }

        private static Path fileOf(AppSource jarOrDockerfile) {
            return jarOrDockerfile instanceof FromJar jar ? jar.jar() : ((FromDockerfile) jarOrDockerfile).dockerfile();
        }

        @Override
        public String describe() {
            return reference.describe("the reference") + ", " + source.describe();
        }

        @Override
        public String origin() {
            return describe();
        }

        @Override
        public void requireUsable(String where) {
            if (fileOf(source).isAbsolute()) {
                throw new ExtensionConfigurationException(where + ": a reference from git takes the application's file from the same"
                        + " place in its checkout, so give the path relative to the module folder, e.g. AppUnderTest.fromJar(\"target/app.jar\")");
            }
            reference.resolve(where);
        }
    }
}
