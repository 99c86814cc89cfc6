package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.perfgate.core.result.GeneratorResult;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResourceResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.junit.fixture.ResourcesLoad;

/**
 * The app container's CPU and memory in the result, and the progress line, end to end: the fixture
 * runs on the Jupiter engine of the test kit against the tiny app in a real container, 3 s of light
 * load. Asserts what was recorded and printed, never how fast.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ResourcesAndProgressTest {

    private static final List<String> PROPERTIES = List.of(LoadTest.RESULTS_DIR_PROPERTY, LoadTest.PROGRESS_INTERVAL_PROPERTY,
            LoadTest.DURATION_PROPERTY, LoadTest.WARM_UP_PROPERTY, GeneratorLimit.PROPERTY);
    private static final Pattern PROGRESS = Pattern.compile(
            "\\[perfgate] ResourcesLoad\\.ok (\\d\\d):(\\d\\d)/(\\d\\d:\\d\\d) (warm-up|measured), 2 users, [0-9.]+ req/s(.*)");

    @RegisterExtension
    final FixtureIsolation fixtures = FixtureIsolation.clearing(PROPERTIES.toArray(String[]::new));

    @BeforeEach
    void reportProgressEverySecond() {
        System.setProperty(LoadTest.PROGRESS_INTERVAL_PROPERTY, "0s");
    }

    @AfterEach
    void restoreTheContainerIdSeam() {
        ResourceSampler.containerIdSeam = UnaryOperator.identity();
    }

    @Test
    void theResultHoldsTheContainersCpuAndMemoryOfTheMeasuredPhase() throws Exception {
        String out = ConsoleCapture.out(() -> Fixtures.run(ResourcesLoad.class));

        LoadTestResult result = ResultFiles.read(fixtures.resultsDir().resolve("ResourcesLoad.ok.json"));
        assertThat(result.status()).isEqualTo(ResultStatus.PASSED);
        ResourceResult resources = result.resources();
        assertThat(resources).as("resources of a 3 s run").isNotNull();
        assertThat(resources.samples()).isPositive().isEqualTo(resources.series().size());
        assertThat(resources.cpuPercent()).isNotNull();
        assertThat(resources.cpuPercent().max()).isPositive().isGreaterThanOrEqualTo(resources.cpuPercent().p95());
        assertThat(resources.memoryMiB().mean()).isPositive();
        assertThat(resources.memoryMiB().max()).isGreaterThanOrEqualTo(resources.memoryMiB().mean());
        if (resources.memoryLimitMiB() != null) {
            assertThat(resources.memoryMiB().max()).isLessThan(resources.memoryLimitMiB());
        }
        assertThat(resources.series()).allSatisfy(sample -> assertThat(sample.atSecond()).isBetween(0.0, 3.0))
                .extracting(ResourceResult.ResourceSample::atSecond).isSorted();
        assertThat(out).contains("[perfgate] app container: CPU mean").doesNotContain("ResourcesLoad.ok 00:");
    }

    @Test
    void theResultHoldsWhatTheLoadGeneratorsOwnProcessCostAndAWarningWhenItWasOverTheLimit() throws Exception {
        System.setProperty(GeneratorLimit.PROPERTY, "0.0001");
        String out = ConsoleCapture.out(() -> Fixtures.run(ResourcesLoad.class));

        LoadTestResult result = ResultFiles.read(fixtures.resultsDir().resolve("ResourcesLoad.ok.json"));
        GeneratorResult generator = result.generator();
        assertThat(generator).as("the generator's cost of a 3 s run").isNotNull();
        assertThat(generator.cpuSeconds()).isPositive();
        assertThat(generator.coresUsed()).isPositive().isLessThanOrEqualTo(generator.cores());
        // the same CPU time, per request of the phase
        assertThat(generator.cpuMicrosPerRequest())
                .isCloseTo(generator.cpuSeconds() * 1e6 / result.total().requests(), within(generator.cpuMicrosPerRequest() * 0.01 + 0.1));
        assertThat(out).contains("[perfgate] load generator: CPU ")
                .containsPattern("\\[perfgate] warning: the load generator used [0-9.]+ cores while it measured, more than 0.0001"
                        + " \\(-Dperfgate.generatorCoresLimit\\)");
    }

    @Test
    void aProgressLineIsPrintedEveryIntervalWithGrowingElapsedTime() throws Exception {
        System.setProperty(LoadTest.PROGRESS_INTERVAL_PROPERTY, "1s");

        String out = ConsoleCapture.out(() -> Fixtures.run(ResourcesLoad.class));

        List<Matcher> lines = out.lines().map(PROGRESS::matcher).filter(Matcher::matches).toList();
        assertThat(lines).as("progress lines in\n" + out).hasSizeGreaterThanOrEqualTo(2);
        long previous = -1;
        String previousPhase = "warm-up";
        for (Matcher line : lines) {
            long elapsed = Long.parseLong(line.group(1)) * 60 + Long.parseLong(line.group(2));
            String phase = line.group(4);
            if (phase.equals(previousPhase)) {
                assertThat(elapsed).as(line.group()).isGreaterThan(previous);
            } else {
                assertThat(phase).as("warm-up comes first").isEqualTo("measured");
            }
            if (phase.equals("measured")) {
                assertThat(line.group(3)).isEqualTo("00:03");
                assertThat(line.group(5)).matches(", p95 ([0-9.]+ ms|-), errors \\d+ \\([0-9.]+ %\\)");
            }
            previous = elapsed;
            previousPhase = phase;
        }
        assertThat(lines).anySatisfy(line -> assertThat(line.group(4)).isEqualTo("measured"));
    }

    @Test
    void aDockerStatsFailureLeavesNoResourcesAndTheTestPassing() throws Exception {
        ResourceSampler.containerIdSeam = id -> "perfgate-no-such-container";
        System.setProperty(LoadTest.DURATION_PROPERTY, "1s");
        System.setProperty(LoadTest.WARM_UP_PROPERTY, "0s");

        String out = ConsoleCapture.out(() -> {
            EngineExecutionResults results = Fixtures.run(ResourcesLoad.class);
            assertThat(Fixtures.failures(results)).isEmpty();
            results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
            return results;
        });

        LoadTestResult result = ResultFiles.read(fixtures.resultsDir().resolve("ResourcesLoad.ok.json"));
        assertThat(result.status()).isEqualTo(ResultStatus.PASSED);
        assertThat(result.resources()).isNull();
        assertThat(out).contains("[perfgate] warning: no CPU and memory figures of the app container (perfgate-no-such-container)");
    }
}
