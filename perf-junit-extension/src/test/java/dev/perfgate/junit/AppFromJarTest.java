package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.junit.fixture.JarLoad;
import dev.perfgate.junit.fixture.NotExecutableJarLoad;
import dev.perfgate.junit.fixture.TinyApp;

/** {@link AppUnderTest#fromJar}: the jar run with {@code java -jar} on a JRE image, in a real container. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AppFromJarTest {

    @RegisterExtension
    final FixtureIsolation fixtures = FixtureIsolation.clearing(AppUnderTest.BASE_IMAGE_PROPERTY);

    @Test
    void runsTheApplicationFromItsJar() throws Exception {
        EngineExecutionResults results = Fixtures.run(JarLoad.class);

        assertThat(Fixtures.failures(results)).isEmpty();
        LoadTestResult result = ResultFiles.read(fixtures.resultsDir().resolve("tiny.from-jar.json"));
        assertThat(result.status()).isEqualTo(ResultStatus.PASSED);
        assertThat(result.total().requests()).isPositive();
        assertThat(result.total().errors()).isZero(); // each answer was the tiny server's {"ok":true}
        assertThat(fixtures.containersCreatedSinceTestStart()).isEqualTo(1);
    }

    @Test
    void aJarWithoutMainClassIsRefusedBeforeAnyContainerStarts() throws Exception {
        EngineExecutionResults results = Fixtures.run(NotExecutableJarLoad.class);

        assertThat(Fixtures.failures(results)).singleElement().isInstanceOf(ExtensionConfigurationException.class)
                .extracting(Throwable::getMessage).asString()
                .contains("@App field NotExecutableJarLoad.app", TinyApp.jarWithoutMainClass().toAbsolutePath().toString(),
                        "has no Main-Class in its manifest", "fromDockerfile");
        assertThat(fixtures.containersCreatedSinceTestStart()).isZero();
    }

    @Test
    void aMissingOrUnreadableJarIsNamedWithWhatToDo(@TempDir Path folder) throws Exception {
        Path text = Files.writeString(folder.resolve("app.jar"), "not a zip");

        assertThatThrownBy(() -> AppUnderTest.fromJar(folder.resolve("missing.jar").toString()).requireUsable("@App field X.app"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("@App field X.app: jar '" + folder.resolve("missing.jar") + "' does not exist; build it first");
        assertThatThrownBy(() -> AppUnderTest.fromJar(text.toString()).requireUsable("@App field X.app"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("'" + text + "' is not a readable jar");
        assertThatThrownBy(() -> AppUnderTest.fromJar(" ")).hasMessageContaining("fromJar: ' ' is not a path");
    }

    @Test
    void theBaseImageIsTheChosenOneElseTheConfiguredOneElseATemurinJre() {
        AppUnderTest app = AppUnderTest.fromJar("target/shop.jar");
        String environment = System.getenv(AppUnderTest.BASE_IMAGE_ENV); // set where no registry is reachable
        assertThat(app.describe()).isEqualTo("jar target/shop.jar on "
                + (environment == null || environment.isBlank() ? "eclipse-temurin:17-jre" : environment.strip()));

        System.setProperty(AppUnderTest.BASE_IMAGE_PROPERTY, "registry.example.com/jre:17");
        assertThat(app.describe()).isEqualTo("jar target/shop.jar on registry.example.com/jre:17");

        AppUnderTest chosen = app.withBaseImage("eclipse-temurin:21-jre").withEnv("JAVA_TOOL_OPTIONS", "-Xmx256m");
        assertThat(chosen.describe()).isEqualTo("jar target/shop.jar on eclipse-temurin:21-jre, env {JAVA_TOOL_OPTIONS=-Xmx256m}");
        assertThat(((AppSource.FromJar) chosen.source()).dockerfile())
                .contains("FROM eclipse-temurin:21-jre\n", "COPY app.jar /app/app.jar\n", "ENTRYPOINT [\"java\", \"-jar\", \"/app/app.jar\"]");
    }

    @Test
    void buildArgumentsAndBaseImagesApplyOnlyWhereTheyMeanSomething() {
        assertThatThrownBy(() -> AppUnderTest.fromJar("target/shop.jar").withBuildArg("VERSION", "1"))
                .hasMessageContaining("withBuildArg: jar target/shop.jar on ").hasMessageContaining("is not built from a Dockerfile");
        assertThatThrownBy(() -> AppUnderTest.fromDockerfile("Dockerfile").withBaseImage("eclipse-temurin:21-jre"))
                .hasMessageContaining("withBaseImage: Dockerfile Dockerfile is not a jar");
        assertThatThrownBy(() -> AppUnderTest.fromJar("target/shop.jar").withBaseImage(""))
                .hasMessageContaining("withBaseImage: '' is not an image name");
    }
}
