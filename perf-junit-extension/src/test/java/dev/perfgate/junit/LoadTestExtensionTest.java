package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.perfgate.core.result.HistogramCodec;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.slo.Grade;
import dev.perfgate.junit.fixture.BadDurationLoad;
import dev.perfgate.junit.fixture.BadSloLoad;
import dev.perfgate.junit.fixture.SloLoad;
import dev.perfgate.junit.fixture.CrashingLoad;
import dev.perfgate.junit.fixture.FailingLoad;
import dev.perfgate.junit.fixture.GoodLoad;
import dev.perfgate.junit.fixture.LongLoad;
import dev.perfgate.junit.fixture.MissingDockerfileLoad;
import dev.perfgate.junit.fixture.ModelsLoad;
import dev.perfgate.junit.fixture.NeverHealthyLoad;
import dev.perfgate.junit.fixture.NoAppLoad;
import dev.perfgate.junit.fixture.TinyApp;
import dev.perfgate.junit.fixture.TinyServer;

/**
 * The extension end to end: the fixture classes run on the Jupiter engine of the test kit, against
 * the tiny app in a real container. Nothing here depends on latency or speed; each load lasts 1 s.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LoadTestExtensionTest {

    private static final List<String> PROPERTIES = List.of(LoadTest.RESULTS_DIR_PROPERTY, LoadTest.USERS_PROPERTY,
            LoadTest.DURATION_PROPERTY, LoadTest.WARM_UP_PROPERTY, LoadTest.THINK_TIME_PROPERTY,
            LoadTest.REQUEST_TIMEOUT_PROPERTY, LoadTest.ARRIVAL_RATE_PROPERTY, LoadTest.ITERATIONS_PROPERTY, LoadTest.STAGES_PROPERTY);

    @RegisterExtension
    final FixtureIsolation fixtures = FixtureIsolation.clearing(PROPERTIES.toArray(String[]::new));

    @Test
    void goodLoadPassesAndWritesACompleteResult() throws Exception {
        EngineExecutionResults results = Fixtures.run(GoodLoad.class);

        assertThat(Fixtures.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));

        Path file = fixtures.resultsDir().resolve("GoodLoad.ok.json");
        assertThat(file).isRegularFile();
        LoadTestResult result = ResultFiles.read(file);
        assertThat(result.testId()).isEqualTo("GoodLoad.ok");
        assertThat(result.status()).isEqualTo(ResultStatus.PASSED);
        assertThat(result.statusReason()).isNull();
        assertThat(result.plan().users()).isEqualTo(2);
        assertThat(result.plan().warmUp()).isEqualTo("0s");
        assertThat(result.plan().duration()).isEqualTo("1s");

        OperationResult total = result.total();
        assertThat(total.requests()).isPositive();
        assertThat(total.errors()).isZero();
        assertThat(total.errorsByKind()).isEmpty();
        Histogram histogram = HistogramCodec.decode(total.histogram());
        assertThat(histogram.getTotalCount()).isEqualTo(total.requests() - total.errors());
        assertThat(result.operations()).containsOnlyKeys("ok");
        assertThat(result.operations().get("ok").requests()).isEqualTo(total.requests());
        assertThat(result.environment().dockerVersion()).isNotBlank();

        // @LoadTest(id) names the second result, which measured only its own operation.
        LoadTestResult again = ResultFiles.read(fixtures.resultsDir().resolve("tiny.ok-again.json"));
        assertThat(again.status()).isEqualTo(ResultStatus.PASSED);
        assertThat(again.plan().users()).isEqualTo(1);
        assertThat(again.operations()).containsOnlyKeys("again");
        assertThat(again.total().requests()).isPositive();

        assertThat(results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("perfgate.result")))
                .containsExactlyInAnyOrder(file.toString(), fixtures.resultsDir().resolve("tiny.ok-again.json").toString());

        assertThat(fixtures.containersCreatedSinceTestStart()).as("containers started for the class's two load tests").isEqualTo(1);
    }

    @Test
    void missedSloFailsTheTestNamingTheObjectiveItsLimitAndTheMeasuredValue() throws Exception {
        EngineExecutionResults results = Fixtures.run(SloLoad.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        assertThat(Fixtures.failures(results)).singleElement().isInstanceOf(AssertionError.class)
                .extracting(Throwable::getMessage).asString()
                .contains("SloLoad.missed", "missed 1 of 2 SLO(s) (grade F)")
                .containsPattern("ok throughput [0-9.]+/s < limit 1000000\\.0/s");

        LoadTestResult met = ResultFiles.read(fixtures.resultsDir().resolve("SloLoad.met.json"));
        assertThat(met.status()).isEqualTo(ResultStatus.PASSED);
        assertThat(met.slo().grade()).isEqualTo(Grade.A);
        assertThat(met.slo().checks()).extracting(check -> check.threshold().describe())
                .containsExactly("(total) p95 <= 10000.0 ms", "(total) error rate <= 1.00 %");
        assertThat(met.slo().checks()).allSatisfy(check -> assertThat(check.met()).isTrue());

        LoadTestResult missed = ResultFiles.read(fixtures.resultsDir().resolve("SloLoad.missed.json"));
        assertThat(missed.status()).as("a result that missed its SLOs is not promoted as a baseline").isEqualTo(ResultStatus.FAILED);
        assertThat(missed.statusReason()).contains("ok throughput");
        assertThat(missed.slo().breaches()).singleElement().satisfies(check -> {
            assertThat(check.threshold().operation()).isEqualTo("ok");
            assertThat(check.measured()).isPositive();
        });
        assertThat(results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("perfgate.grade")))
                .containsExactlyInAnyOrder("A", "F");
    }

    @Test
    void badSloValueFailsNamingTheAnnotationAttributeAndMethodWithoutStartingAContainer() throws Exception {
        EngineExecutionResults results = Fixtures.run(BadSloLoad.class);

        assertThat(Fixtures.failures(results)).singleElement().isInstanceOf(ExtensionConfigurationException.class)
                .extracting(Throwable::getMessage).asString()
                .contains("@Slo(errorRate) on BadSloLoad.ok", "'1 percent'", "\"1%\"");
        assertThat(fixtures.containersCreatedSinceTestStart()).isZero();
    }

    @Test
    void theAnnotationChoosesTheOpenModelOrAClosedModelWithSessionsAndThinkTimeRanges() throws Exception {
        EngineExecutionResults results = Fixtures.run(ModelsLoad.class);

        assertThat(Fixtures.failures(results)).isEmpty();
        LoadTestResult open = ResultFiles.read(fixtures.resultsDir().resolve("ModelsLoad.arrivals.json"));
        assertThat(open.plan().open()).isTrue();
        assertThat(open.plan().maxInFlight()).isEqualTo(20);
        assertThat(open.iterations().scheduled()).as("40/s for 2 s").isEqualTo(80);
        assertThat(open.iterations().started() + open.iterations().dropped()).isEqualTo(80);
        assertThat(open.total().requests()).isEqualTo(open.iterations().started());

        LoadTestResult warmedFaster = ResultFiles.read(fixtures.resultsDir().resolve("ModelsLoad.warmedFaster.json"));
        assertThat(warmedFaster.plan().warmUp()).isEqualTo("1s at 200/s");
        assertThat(warmedFaster.timeSeries()).filteredOn(second -> second.warmUp()).singleElement()
                .satisfies(second -> assertThat(second.requests()).as("warm-up second at 200/s").isGreaterThan(150));
        assertThat(warmedFaster.iterations().scheduled()).as("measured at 20/s for 1 s").isEqualTo(20);

        LoadTestResult warmedByMore = ResultFiles.read(fixtures.resultsDir().resolve("ModelsLoad.warmedByMore.json"));
        assertThat(warmedByMore.plan().warmUp()).isEqualTo("1s with 3 users");
        assertThat(warmedByMore.plan().users()).isEqualTo(1);
        assertThat(warmedByMore.timeSeries()).extracting(second -> second.active()).as("3 users warm up, 1 is measured")
                .containsExactly(3, 1);

        LoadTestResult ramped = ResultFiles.read(fixtures.resultsDir().resolve("ModelsLoad.ramped.json"));
        assertThat(ramped.plan().userStages()).hasSize(2);
        assertThat(ramped.plan().duration()).isEqualTo("2s");
        assertThat(ramped.stages().steps()).as("one figure per stage").hasSize(2);
        assertThat(ramped.stages().steps().stream().mapToLong(step -> step.requests()).sum()).isEqualTo(ramped.total().requests());
        assertThat(ramped.timeSeries()).isNotEmpty();

        LoadTestResult sessions = ResultFiles.read(fixtures.resultsDir().resolve("ModelsLoad.sessions.json"));
        assertThat(sessions.plan().open()).isFalse();
        assertThat(sessions.plan().thinkTime()).isEqualTo("10ms to 30ms");
        assertThat(sessions.plan().iterationsPerUser()).isEqualTo(5);
        assertThat(sessions.total().requests()).as("2 users x 5 iterations, then they stop").isEqualTo(10);
    }

    @Test
    void loadWhereNoRequestSucceedsFailsAndStillWritesTheResult() {
        EngineExecutionResults results = Fixtures.run(FailingLoad.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(Fixtures.failures(results)).singleElement()
                .isInstanceOf(AssertionError.class)
                .extracting(Throwable::getMessage).asString()
                .contains("FailingLoad.fail", "FAILED", "no request succeeded");

        LoadTestResult result = ResultFiles.read(fixtures.resultsDir().resolve("FailingLoad.fail.json"));
        assertThat(result.status()).isEqualTo(ResultStatus.FAILED);
        assertThat(result.statusReason()).contains("no request succeeded");
        OperationResult total = result.total();
        assertThat(total.requests()).isPositive();
        assertThat(total.errors()).isEqualTo(total.requests());
        assertThat(total.errorsByKind()).containsOnly(entry("http_5xx", total.requests()));
        assertThat(HistogramCodec.decode(total.histogram()).getTotalCount()).isZero();
    }

    @Test
    void classWithoutAppFailsNamingTheClassAndAppWithoutStartingAContainer() throws Exception {
        EngineExecutionResults results = Fixtures.run(NoAppLoad.class);

        assertThat(Fixtures.failures(results)).singleElement()
                .isInstanceOf(ExtensionConfigurationException.class)
                .extracting(Throwable::getMessage).asString()
                .contains(NoAppLoad.class.getName(), "@App");
        assertThat(fixtures.containersCreatedSinceTestStart()).isZero();
        assertThat(fixtures.resultsDir()).isEmptyDirectory();
    }

    @Test
    void badDurationFailsNamingTheAttributeAndValueWithoutStartingAContainer() throws Exception {
        EngineExecutionResults results = Fixtures.run(BadDurationLoad.class);

        assertThat(Fixtures.failures(results)).singleElement()
                .isInstanceOf(ExtensionConfigurationException.class)
                .extracting(Throwable::getMessage).asString()
                .contains("@LoadTest(duration)", "BadDurationLoad.ok", "'ten seconds'");
        assertThat(fixtures.containersCreatedSinceTestStart()).isZero();
        assertThat(fixtures.resultsDir()).isEmptyDirectory();
    }

    @Test
    void missingDockerfileFailsNamingItsPath() throws Exception {
        EngineExecutionResults results = Fixtures.run(MissingDockerfileLoad.class);

        assertThat(Fixtures.failures(results)).singleElement()
                .isInstanceOf(ExtensionConfigurationException.class)
                .extracting(Throwable::getMessage).asString()
                .contains(Path.of(MissingDockerfileLoad.DOCKERFILE).toAbsolutePath().toString(), "does not exist");
        assertThat(fixtures.containersCreatedSinceTestStart()).isZero();
        assertThat(fixtures.resultsDir()).isEmptyDirectory();
    }

    @Test
    void systemPropertiesOverrideTheAnnotation() throws Exception {
        System.setProperty(LoadTest.DURATION_PROPERTY, "1s");
        System.setProperty(LoadTest.USERS_PROPERTY, "2");

        EngineExecutionResults results = Fixtures.run(LongLoad.class);
        Instant finished = Instant.now();

        assertThat(Fixtures.failures(results)).isEmpty();
        LoadTestResult result = ResultFiles.read(fixtures.resultsDir().resolve("LongLoad.ok.json"));
        assertThat(result.status()).isEqualTo(ResultStatus.PASSED);
        assertThat(result.plan().duration()).isEqualTo("1s");
        assertThat(result.plan().users()).isEqualTo(2);
        try (var files = Files.list(fixtures.resultsDir())) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("LongLoad.ok.json");
        }
        // Without the override the measured phase alone would last the annotated 30 s.
        assertThat(Duration.between(Instant.parse(result.startedAt()), finished)).isLessThan(Duration.ofSeconds(20));
    }

    @ParameterizedTest
    @CsvSource({
        LoadTest.DURATION_PROPERTY + ", soon",
        LoadTest.USERS_PROPERTY + ", many",
        LoadTest.USERS_PROPERTY + ", 0",
        LoadTest.WARM_UP_PROPERTY + ", -1s",
        LoadTest.WARM_UP_PROPERTY + ", 2s at fast",
        LoadTest.WARM_UP_PROPERTY + ", 2s at 100/s",
        LoadTest.WARM_UP_PROPERTY + ", 2s with 0 users",
        LoadTest.THINK_TIME_PROPERTY + ", 5s..",
        LoadTest.ARRIVAL_RATE_PROPERTY + ", fast",
        LoadTest.ITERATIONS_PROPERTY + ", -3",
        LoadTest.ITERATIONS_PROPERTY + ", many",
        LoadTest.STAGES_PROPERTY + ", climb to 20",
    })
    void malformedOverrideFailsNamingTheProperty(String property, String value) throws Exception {
        System.setProperty(property, value);

        EngineExecutionResults results = Fixtures.run(LongLoad.class);

        assertThat(Fixtures.failures(results)).singleElement()
                .isInstanceOf(ExtensionConfigurationException.class)
                .extracting(Throwable::getMessage).asString()
                .contains("system property " + property, value);
        assertThat(fixtures.containersCreatedSinceTestStart()).isZero();
        assertThat(fixtures.resultsDir()).isEmptyDirectory();
    }

    @Test
    void appThatNeverBecomesHealthyFailsWithinItsStartupTimeout() {
        long started = System.nanoTime();
        EngineExecutionResults results = Fixtures.run(NeverHealthyLoad.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(Fixtures.failures(results)).singleElement()
                .isInstanceOf(AppStartException.class)
                .extracting(Throwable::getMessage).asString()
                .contains(TinyApp.dockerfile().toAbsolutePath().toString(), "2xx on /health",
                        "within " + NeverHealthyLoad.STARTUP_TIMEOUT.toSeconds() + "s");
        assertThat(took).as("bounded by the startup timeout, not the 60 s default").isLessThan(Duration.ofSeconds(45));
        assertThat(fixtures.resultsDir()).isEmptyDirectory();
    }

    @Test
    void startFailureCarriesTheContainerLogTail() {
        EngineExecutionResults results = Fixtures.run(CrashingLoad.class);

        assertThat(Fixtures.failures(results)).singleElement()
                .isInstanceOf(AppStartException.class)
                .extracting(Throwable::getMessage).asString()
                .contains("last lines of the container log", TinyServer.CRASH_MESSAGE);
        assertThat(fixtures.resultsDir()).isEmptyDirectory();
    }
}
