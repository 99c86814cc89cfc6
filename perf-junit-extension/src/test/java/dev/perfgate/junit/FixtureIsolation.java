package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every test that runs fixture load tests needs around each test: a results folder of its own
 * (the fixtures write there through {@link LoadTest#RESULTS_DIR_PROPERTY}), the {@code perfgate.*}
 * properties it sets cleared before and after, and afterwards the check that the fixtures left no
 * container running. Extra checks of a test class stay in its own {@code @AfterEach}, which runs first.
 *
 * <pre>{@code
 * @RegisterExtension
 * final FixtureIsolation fixtures = FixtureIsolation.clearing(LoadTest.USERS_PROPERTY);
 *
 * @Test
 * void writesItsResult() {
 *     Fixtures.run(SomeLoad.class);
 *     assertThat(fixtures.resultsDir().resolve("SomeLoad.ok.json")).exists();
 * }
 * }</pre>
 */
final class FixtureIsolation implements BeforeEachCallback, AfterEachCallback {

    private final List<String> properties;
    private Path resultsDir;
    private Instant testStart;

    private FixtureIsolation(List<String> properties) {
        this.properties = properties;
    }

    /** Isolation that also clears {@code properties} (besides the results folder's) before and after each test. */
    static FixtureIsolation clearing(String... properties) {
        List<String> cleared = new ArrayList<>(List.of(properties));
        cleared.add(LoadTest.RESULTS_DIR_PROPERTY);
        return new FixtureIsolation(List.copyOf(cleared));
    }

    /** The current test's results folder. */
    Path resultsDir() {
        return resultsDir;
    }

    /** Containers this JVM created since the current test started. */
    long containersCreatedSinceTestStart() throws InterruptedException {
        return Fixtures.containersCreatedSince(testStart);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        properties.forEach(System::clearProperty);
        resultsDir = Files.createTempDirectory("perfgate-results");
        System.setProperty(LoadTest.RESULTS_DIR_PROPERTY, resultsDir.toString());
        testStart = Instant.now();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        properties.forEach(System::clearProperty);
        deleteRecursively(resultsDir);
        assertThat(Fixtures.runningContainersOfThisJvm()).as("containers still running after the fixture ran").isEmpty();
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
