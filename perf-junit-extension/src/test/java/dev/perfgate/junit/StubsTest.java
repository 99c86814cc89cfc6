package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.junit.fixture.BadStubLoad;
import dev.perfgate.junit.fixture.BrokenStubLoad;
import dev.perfgate.junit.fixture.CrashingStubbedLoad;
import dev.perfgate.junit.fixture.StubbedLoad;

/**
 * Stubs end to end: the tiny app in a real container calls WireMock servers in this JVM through
 * the Docker host's gateway. After each test no container and no stub server may be left.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StubsTest {

    private static final Pattern STUB_LINE = Pattern.compile(
            "http://host\\.docker\\.internal:(\\d+): (\\d+) requests, (\\d+) failed on purpose, (\\d+) dropped");

    @RegisterExtension
    final FixtureIsolation fixtures = FixtureIsolation.clearing();

    @AfterEach
    void checkNoStubIsLeft() {
        assertThat(Fixtures.stubServerThreads()).as("WireMock server threads still running after the fixture ran").isEmpty();
    }

    @Test
    void theContainerReachesItsStubsWithTheirLatencyAndFaults() throws Exception {
        EngineExecutionResults results = Fixtures.run(StubbedLoad.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(2).failed(2));
        assertThat(fixtures.containersCreatedSinceTestStart()).as("one container for the class's four load tests").isEqualTo(1);

        LoadTestResult slow = ResultFiles.read(fixtures.resultsDir().resolve("StubbedLoad.slow.json"));
        assertThat(slow.status()).isEqualTo(ResultStatus.PASSED);
        assertThat(slow.total().errors()).isZero();
        assertThat(slow.total().latencyMs().p50()).as("p50 behind a stub delaying every response by 50 ms")
                .isGreaterThanOrEqualTo(StubbedLoad.SLOW.toMillis());

        LoadTestResult down = ResultFiles.read(fixtures.resultsDir().resolve("StubbedLoad.down.json"));
        assertThat(down.status()).isEqualTo(ResultStatus.FAILED);
        assertEveryRequestFailedWith5xx(down.total());

        LoadTestResult gone = ResultFiles.read(fixtures.resultsDir().resolve("StubbedLoad.gone.json"));
        assertEveryRequestFailedWith5xx(gone.total());

        LoadTestResult flaky = ResultFiles.read(fixtures.resultsDir().resolve("StubbedLoad.flaky.json"));
        OperationResult total = flaky.total();
        assertThat(total.requests()).as("enough calls for the share to mean something").isGreaterThanOrEqualTo(200);
        assertThat(total.errorsByKind()).containsOnlyKeys("http_5xx");
        // Each call fails independently with p = 0.3: the share is binomial, sigma = sqrt(p(1-p)/n).
        double sigma = Math.sqrt(StubbedLoad.FLAKY * (1 - StubbedLoad.FLAKY) / total.requests());
        assertThat((double) total.errors() / total.requests()).as("share of %d calls failed (5 sigma = %.3f)", total.requests(), 5 * sigma)
                .isCloseTo(StubbedLoad.FLAKY, within(5 * sigma));

        Map<String, Matcher> lines = stubLinesOf(results, "down");
        assertThat(lines).containsOnlyKeys("SLOW_URL", "DOWN_URL", "FLAKY_URL", "GONE_URL");
        Matcher downLine = lines.get("DOWN_URL");
        assertThat(Long.parseLong(downLine.group(2))).as("requests the stub served").isGreaterThanOrEqualTo(down.total().requests());
        assertThat(downLine.group(3)).as("all failed on purpose").isEqualTo(downLine.group(2));
        assertThat(lines.get("SLOW_URL").group(2)).as("the slow stub served nothing during the down test").isEqualTo("0");
        assertThat(Long.parseLong(stubLinesOf(results, "gone").get("GONE_URL").group(4))).isGreaterThanOrEqualTo(gone.total().requests());
        for (Matcher line : lines.values()) {
            int port = Integer.parseInt(line.group(1));
            assertThat(Fixtures.listening(port)).as("stub port %d still open after the class", port).isFalse();
        }
    }

    @Test
    void badStubConfigurationFailsNamingTheMethodAndValueWithoutStartingAContainer() throws Exception {
        EngineExecutionResults results = Fixtures.run(BadStubLoad.class);

        assertThat(Fixtures.failures(results)).singleElement()
                .extracting(StubsTest::rootCause).isInstanceOf(IllegalArgumentException.class)
                .extracting(Throwable::getMessage).asString()
                .contains("Stub.withFailures", "1.5", "e.g. withFailures(0.05, 503)");
        assertThat(fixtures.containersCreatedSinceTestStart()).isZero();
        assertThat(fixtures.resultsDir()).isEmptyDirectory();
    }

    @Test
    void stubWhoseRoutesThrowFailsNamingItsVariableAndStopsTheStubsStartedBefore() throws Exception {
        EngineExecutionResults results = Fixtures.run(BrokenStubLoad.class);

        assertThat(Fixtures.failures(results)).singleElement()
                .isInstanceOf(ExtensionConfigurationException.class)
                .extracting(Throwable::getMessage).asString()
                .contains("withStub(\"DOWNSTREAM_URL\", ...)", BrokenStubLoad.ROUTES_FAILURE);
        assertThat(fixtures.containersCreatedSinceTestStart()).isZero();
        assertThat(fixtures.resultsDir()).isEmptyDirectory();
    }

    @Test
    void stubsStopWhenTheApplicationFailsToStart() {
        EngineExecutionResults results = Fixtures.run(CrashingStubbedLoad.class);

        assertThat(Fixtures.failures(results)).singleElement().isInstanceOf(AppStartException.class);
        assertThat(fixtures.resultsDir()).isEmptyDirectory();
    }

    private static void assertEveryRequestFailedWith5xx(OperationResult total) {
        assertThat(total.requests()).isPositive();
        assertThat(total.errors()).isEqualTo(total.requests());
        assertThat(total.errorsByKind()).containsOnlyKeys("http_5xx");
    }

    /** The stub lines the extension published after the load test {@code method}, by variable. */
    private static Map<String, Matcher> stubLinesOf(EngineExecutionResults results, String method) {
        Map<String, Matcher> lines = new LinkedHashMap<>();
        results.allEvents().reportingEntryPublished()
                .filter(event -> event.getTestDescriptor().getDisplayName().startsWith(method + "("))
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .forEach(entries -> entries.forEach((key, value) -> {
                    if (key.startsWith("perfgate.stub.")) {
                        Matcher matcher = STUB_LINE.matcher(value);
                        assertThat(matcher.matches()).as("stub line '%s'", value).isTrue();
                        lines.put(key.substring("perfgate.stub.".length()), matcher);
                    }
                }));
        return lines;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
