package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.perfgate.core.result.AppMetricsResult;
import dev.perfgate.core.result.AppMetricsResult.MetricSample;
import dev.perfgate.core.result.AppMetricsResult.MetricSeries;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.junit.fixture.BadMetricsPathLoad;
import dev.perfgate.junit.fixture.MetricsLoad;

/** {@code AppUnderTest.withPrometheusMetrics} against the tiny app's real {@code /metrics} endpoint in a container. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AppMetricsTest {

    @RegisterExtension
    final FixtureIsolation fixtures = FixtureIsolation.clearing();

    @Test
    void namedMetricsAreScrapedDuringTheRunAndAnUnknownOneIsReportedMissing() {
        EngineExecutionResults results = Fixtures.run(MetricsLoad.class);

        assertThat(Fixtures.failures(results)).isEmpty();
        LoadTestResult result = ResultFiles.read(fixtures.resultsDir().resolve("MetricsLoad.ok.json"));
        AppMetricsResult metrics = result.appMetrics();
        assertThat(metrics.path()).isEqualTo("/metrics");
        assertThat(metrics.scrapes()).as("about one a second for 3 s").isBetween(2, 4);
        assertThat(metrics.missing()).containsExactly("no_such_metric");

        MetricSeries answered = metrics.metrics().get("tiny_requests_total");
        assertThat(answered.samples()).hasSize(metrics.scrapes());
        List<Double> values = answered.samples().stream().map(MetricSample::value).toList();
        assertThat(values).as("the counter of answers grows with the load").isSorted();
        assertThat(answered.last()).isGreaterThan(answered.min()).isEqualTo(values.get(values.size() - 1));
        assertThat(answered.max()).as("answers so far, at most all requests sent").isLessThanOrEqualTo(result.total().requests() + 0.0);
        assertThat(metrics.metrics().get("tiny_requests_total{path=\"/fail\"}").max()).as("only the labelled series").isZero();
        assertThat(metrics.metrics().get("tiny_ratio").mean()).as("NaN is no figure").isNull();
        assertThat(metrics.metrics().get("tiny_limit").samples()).allSatisfy(sample -> assertThat(sample.value()).isNull());

        Map<String, String> entries = results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .filter(pairs -> pairs.containsKey("perfgate.appMetrics")).findFirst().orElseThrow();
        assertThat(entries.get("perfgate.appMetrics")).contains("tiny_requests_total min", "missing no_such_metric");
    }

    @Test
    void aMetricsPathWithoutSlashFailsNamingTheMethodWithoutStartingAContainer() throws Exception {
        EngineExecutionResults results = Fixtures.run(BadMetricsPathLoad.class);

        // The field initialiser throws: the class fails to initialise with it as the cause (or, should the
        // class have failed before in this JVM, named in the message of the NoClassDefFoundError).
        StringBuilder chain = new StringBuilder();
        for (Throwable failure = Fixtures.failures(results).get(0); failure != null; failure = failure.getCause()) {
            chain.append(failure).append('\n');
        }
        assertThat(chain.toString()).contains(ExtensionConfigurationException.class.getName() + ": withPrometheusMetrics: path"
                + " 'actuator/prometheus' must start with a single '/', e.g. withPrometheusMetrics(\"/actuator/prometheus\"");
        assertThat(fixtures.containersCreatedSinceTestStart()).isZero();
    }
}
