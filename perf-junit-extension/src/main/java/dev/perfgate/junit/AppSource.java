package dev.perfgate.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
 * image run as it is, or an executable jar run on a JRE base image. Each makes the bare container that
 * {@link RunningApp} gives its port, environment, stubs and readiness wait.
 */
sealed interface AppSource permits AppSource.FromDockerfile, AppSource.FromImage, AppSource.FromJar {

    /** The base image where none is chosen for a jar, and the default of the sample Dockerfiles: {@value}. */
    String DEFAULT_JRE_IMAGE = "eclipse-temurin:17-jre";

    /** The container of this source, neither configured nor started. */
    GenericContainer<?> newContainer();

    /** What this source is, for people and the result file, e.g. {@code "Dockerfile app/Dockerfile, build args {VERSION=1.4.0}"}. */
    String describe();

    /** Where the container comes from in error messages: an absolute path, or the image. */
    String origin();

    /**
     * Fails, naming {@code where} the application is declared, when a file this source needs is missing or
     * unusable, so that the test stops before any container starts.
     */
    void requireFiles(String where);

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
            return new GenericContainer<>(new ImageFromDockerfile(imageNameFor(absolute()), false)
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
        public void requireFiles(String where) {
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
        public void requireFiles(String where) {
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
            return new GenericContainer<>(new ImageFromDockerfile(imageNameFor(label, absolute + " on " + effectiveBaseImage()), false)
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
        public void requireFiles(String where) {
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
}
