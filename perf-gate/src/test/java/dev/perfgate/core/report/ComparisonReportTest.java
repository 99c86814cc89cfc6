package dev.perfgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.perfgate.core.compare.GateSettings;
import dev.perfgate.core.compare.Metric;
import dev.perfgate.core.compare.MetricComparison;
import dev.perfgate.core.compare.Verdict;
import dev.perfgate.core.result.GeneratorResult;
import dev.perfgate.core.result.LoadTestResult;

class ComparisonReportTest {

    @TempDir
    Path folder;

    private static final List<MetricComparison> ROWS = List.of(
            new MetricComparison("Shop.checkout", "POST /pay", Metric.P95_LATENCY, 10.0, 25.0, Verdict.REGRESSED, "p=1.0e-04"),
            new MetricComparison("Shop.checkout", "POST /pay", Metric.THROUGHPUT, 500.0, 505.0, Verdict.UNCHANGED, ""),
            new MetricComparison("Shop.checkout", "GET /a|b<c>", Metric.P99_LATENCY, 20.0, 30.0, Verdict.INCONCLUSIVE,
                    "p99 rests on 9 requests beyond it"),
            new MetricComparison("Shop.browse", "(total)", null, null, null, Verdict.NEW, ""));

    @Test
    void writesJsonWithEveryRowAndTheSettings() throws Exception {
        ComparisonReport.of(ROWS, GateSettings.DEFAULT).writeTo(folder);

        JsonNode json = new ObjectMapper().readTree(Files.readAllBytes(folder.resolve("comparison.json")));
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(ComparisonReport.SCHEMA_VERSION);
        assertThat(json.get("settings").get("significance").asDouble()).isEqualTo(0.05);
        assertThat(json.get("rows")).hasSize(ROWS.size());
        assertThat(json.get("rows").get(0).get("verdict").asText()).isEqualTo("REGRESSED");
        assertThat(json.get("rows").get(0).get("change").asText()).isEqualTo("+150.0 %");
        assertThat(json.get("counts").get("REGRESSED").asInt()).isEqualTo(1);
    }

    @Test
    void markdownListsWhatChangedAndEscapesTableCells() {
        String markdown = ComparisonReport.of(ROWS, GateSettings.DEFAULT).markdown();

        assertThat(markdown).startsWith("## perfgate\n\n**Gate FAILED: 1 regressed metric in Shop.checkout**\n")
                .contains("**REGRESSED** 1", "**UNCHANGED** 1", "**INCONCLUSIVE** 1", "**NEW** 1")
                .contains("| Shop.checkout | POST /pay | p95 latency | 10.000 ms | 25.000 ms | +150.0 % | **REGRESSED** | p=1.0e-04 |")
                .contains("GET /a\\|b<c>")
                .doesNotContain("throughput");
    }

    @Test
    void markdownSaysSoWhenNothingChanged() {
        String markdown = ComparisonReport.of(List.of(ROWS.get(1)), GateSettings.DEFAULT).markdown();

        assertThat(markdown).contains("Every gated metric is within the tolerance");
    }

    @Test
    void markdownListsResourceAndAppMetricFiguresOfBaselineAndNowAsNotGated() {
        LoadTestResult before = ShownFixture.result("Shop.browse").withResources(ShownFixture.resources(10, 40, 100))
                .withAppMetrics(ShownFixture.appMetrics(Map.of("pool_active", ShownFixture.metric(1.0, 3.0)), 0, null, List.of()));
        LoadTestResult now = ShownFixture.result("Shop.browse").withResources(ShownFixture.resources(10, 50, 120))
                .withGenerator(GeneratorResult.of(900_000_000L, 6, 3_000, 2))
                .withAppMetrics(ShownFixture.appMetrics(Map.of("pool_active", ShownFixture.metric(3.0, 5.0),
                        "x{a=\"|<b>\"}", ShownFixture.metric(0.5)), 0, null, List.of()));
        LoadTestResult added = ShownFixture.result("Shop.added").withResources(ShownFixture.resources(2, 10, 50));
        List<ReportedTest> tests = List.of(new ReportedTest(now, before), new ReportedTest(added, null),
                new ReportedTest(ShownFixture.result("Shop.plain"), ShownFixture.result("Shop.plain")));

        String markdown = ComparisonReport.of(List.of(ROWS.get(1)), GateSettings.DEFAULT, tests).markdown();

        assertThat(markdown).contains("Every gated metric is within the tolerance", "### Resources and app metrics (shown, not gated)",
                "| Shop.browse | CPU mean | 40 % | 50 % | +25.0 % |",
                "| Shop.browse | memory max | 109 MiB | 129 MiB | +18.3 % |",
                "| Shop.browse | load generator CPU (cores) | — | 0.15 | — |",
                "| Shop.browse | `pool_active` mean | 2 | 4 | +100.0 % |",
                "| Shop.browse | `x{a=\"\\|<b>\"}` mean | — | 0.5 | — |",
                "| Shop.added | CPU mean | no baseline | 10 % | — |")
                .doesNotContain("Shop.plain");
        assertThat(markdown.indexOf("Every gated metric")).isLessThan(markdown.indexOf("### Resources"));
    }

    @Test
    void markdownHasNoFigureSectionWhenNoTestRecordedAny() {
        List<ReportedTest> tests = List.of(new ReportedTest(ShownFixture.result("Shop.plain"), null));

        assertThat(ComparisonReport.of(ROWS, GateSettings.DEFAULT, tests).markdown()).doesNotContain("shown, not gated");
    }

    @Test
    void junitXmlIsWellFormedWithAFailurePerRegressionAndSkipsForUndecided() throws Exception {
        String xml = JUnitXml.of(ROWS);

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList suites = document.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        Element checkout = (Element) suites.item(0);
        assertThat(checkout.getAttribute("name")).isEqualTo("perfgate.Shop.checkout");
        assertThat(checkout.getAttribute("tests")).isEqualTo("3");
        assertThat(checkout.getAttribute("failures")).isEqualTo("1");
        assertThat(checkout.getAttribute("skipped")).isEqualTo("1");
        Element failure = (Element) document.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).contains("p95 latency 10.000 ms -> 25.000 ms (+150.0 %, p=1.0e-04)");
        NodeList skipped = document.getElementsByTagName("skipped");
        assertThat(skipped.getLength()).isEqualTo(2);
        assertThat(((Element) skipped.item(0)).getAttribute("message")).isEqualTo("INCONCLUSIVE: p99 rests on 9 requests beyond it");
        assertThat(((Element) document.getElementsByTagName("testcase").item(2)).getAttribute("name")).isEqualTo("GET /a|b<c> p99 latency");
    }
}
