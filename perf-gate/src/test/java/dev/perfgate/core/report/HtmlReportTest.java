package dev.perfgate.core.report;

import static dev.perfgate.core.report.ShownFixture.NASTY;
import static dev.perfgate.core.report.ShownFixture.appMetrics;
import static dev.perfgate.core.report.ShownFixture.metric;
import static dev.perfgate.core.report.ShownFixture.resources;
import static dev.perfgate.core.report.ShownFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.perfgate.core.compare.Metric;
import dev.perfgate.core.compare.MetricComparison;
import dev.perfgate.core.compare.Verdict;
import dev.perfgate.core.result.AppMetricsResult.MetricSeries;
import dev.perfgate.core.result.GeneratorResult;
import dev.perfgate.core.result.LatencySummary;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;

/** The resource and app-metric parts of {@code index.html}, read back from the data the page draws. */
class HtmlReportTest {

    private static final String CHART_JS = "/* Chart.js stand-in */";

    @Test
    void resourcesOfBaselineAndNowSideBySideWithTheirChange() throws Exception {
        LoadTestResult before = result("Shop.browse").withResources(resources(10, 40, 100));
        LoadTestResult now = result("Shop.browse").withResources(resources(10, 50, 120));

        JsonNode section = shown(page(new ReportedTest(now, before)), 0, "resources");

        assertThat(section.get("title").asText()).isEqualTo("App container resources (shown, not gated)");
        assertThat(section.get("notes")).isEmpty();
        assertThat(cells(section, "cpu-mean")).containsExactly("CPU mean (% of one core)", "40", "50", "+25.0 %");
        assertThat(cells(section, "cpu-p95")).containsExactly("CPU p95 (% of one core)", "45", "55", "+22.2 %");
        assertThat(cells(section, "memory-mean")).containsExactly("memory mean (MiB)", "104.5", "124.5", "+19.1 %");
        assertThat(cells(section, "memory-max")).containsExactly("memory max (MiB)", "109", "129", "+18.3 %");
        assertThat(cells(section, "memory-limit")).containsExactly("memory limit (MiB)", "512", "512", "0.0 %");
        JsonNode charts = section.get("charts");
        assertThat(charts).extracting(c -> c.get("key").asText()).containsExactly("cpu", "memory");
        assertThat(charts.get(0).get("now")).hasSize(10);
        assertThat(charts.get(0).get("baseline")).hasSize(10);
        assertThat(charts.get(1).get("now").get(3).get("x").asDouble()).isEqualTo(3.5);
        assertThat(charts.get(1).get("now").get(3).get("y").asDouble()).isEqualTo(123.0);
    }

    @Test
    void theLoadGeneratorsCostOfBaselineAndNowWithItsChangeAndANoteWhereASideHasNone() throws Exception {
        LoadTestResult before = result("Shop.browse").withGenerator(GeneratorResult.of(600_000_000L, 6, 3_000, 2));
        LoadTestResult now = result("Shop.browse").withGenerator(GeneratorResult.of(1_200_000_000L, 6, 3_000, 2));

        JsonNode section = shown(page(new ReportedTest(now, before)), 0, "generator");
        JsonNode onlyNow = shown(page(new ReportedTest(now, result("Shop.browse"))), 0, "generator");

        assertThat(section.get("title").asText()).isEqualTo("Load generator (shown, not gated)");
        assertThat(cells(section, "cores-used")).containsExactly("CPU (cores)", "0.1", "0.2", "+100.0 %");
        assertThat(cells(section, "cpu-per-request")).containsExactly("CPU per request (us)", "200", "400", "+100.0 %");
        assertThat(onlyNow.get("notes")).extracting(JsonNode::asText).containsExactly("Not measured in the baseline.");
    }

    @Test
    void resourcesNotSampledInTheBaselineSayItInOneLineAndChartOnlyNow() throws Exception {
        LoadTestResult now = result("Shop.browse").withResources(resources(4, 50, 120));

        JsonNode section = shown(page(new ReportedTest(now, result("Shop.browse"))), 0, "resources");

        assertThat(section.get("notes")).extracting(JsonNode::asText).containsExactly("Not sampled in the baseline.");
        assertThat(cells(section, "cpu-mean")).containsExactly("CPU mean (% of one core)", "—", "50", "—");
        for (JsonNode chart : section.get("charts")) {
            assertThat(chart.get("baseline").isNull()).as(chart.get("key").asText()).isTrue();
            assertThat(chart.get("now")).hasSize(4);
        }
    }

    @Test
    void noResourcesOnEitherSideIsOneLineWithoutTableOrChart() throws Exception {
        String html = page(new ReportedTest(result("A.a"), result("A.a")), new ReportedTest(result("B.b"), null));

        JsonNode both = shown(html, 0, "resources");
        assertThat(both.get("notes")).extracting(JsonNode::asText).containsExactly("Not sampled in this run; not sampled in the baseline.");
        assertThat(both.get("rows")).isEmpty();
        assertThat(both.get("charts")).isEmpty();
        assertThat(shown(html, 1, "resources").get("notes")).extracting(JsonNode::asText)
                .containsExactly("Not sampled in this run; no baseline.");
        JsonNode metrics = shown(html, 0, "appMetrics");
        assertThat(metrics.get("notes")).extracting(JsonNode::asText)
                .containsExactly("None recorded in this run (no withPrometheusMetrics); none recorded in the baseline.");
        assertThat(metrics.get("rows")).isEmpty();
        assertThat(metrics.get("charts")).isEmpty();
    }

    @Test
    void appMetricsTablePerNameWithChangeOfMeanFailuresAndMissingNames() throws Exception {
        LoadTestResult before = result("Shop.browse").withAppMetrics(appMetrics(
                Map.of("pool_active", metric(1.0, 2.0, 3.0), "gone_metric", metric(7.0)), 0, null, List.of()));
        LoadTestResult now = result("Shop.browse").withAppMetrics(appMetrics(
                Map.of("pool_active", metric(2.0, 4.0, 6.0), "ratio", metric(null, Double.valueOf(0.000123456))), 2, "HTTP 503",
                List.of("gone_metric")));

        JsonNode section = shown(page(new ReportedTest(now, before)), 0, "appMetrics");

        assertThat(section.get("title").asText()).isEqualTo("App metrics (shown, not gated)");
        assertThat(section.get("notes")).extracting(JsonNode::asText).containsExactly(
                "2 of 12 scrapes of /metrics failed in this run; the last: HTTP 503.", "Not served in this run: gone_metric.");
        assertThat(section.get("head")).extracting(JsonNode::asText)
                .containsExactly("metric", "min", "mean", "max", "last", "min", "mean", "max", "last", "mean change");
        assertThat(cells(section, "pool_active")).containsExactly("pool_active", "1", "2", "3", "3", "2", "4", "6", "6", "+100.0 %");
        assertThat(cells(section, "gone_metric")).containsExactly("gone_metric", "7", "7", "7", "7", "—", "—", "—", "—", "—");
        assertThat(cells(section, "ratio")).containsExactly("ratio", "—", "—", "—", "—", "0.0001235", "0.0001235", "0.0001235",
                "0.0001235", "—");
        JsonNode charts = section.get("charts");
        assertThat(charts).extracting(c -> c.get("key").asText()).containsExactly("gone_metric", "pool_active", "ratio");
        assertThat(charts.get(1).get("baseline")).hasSize(3);
        assertThat(charts.get(2).get("now").get(0).get("y").isNull()).as("NaN is a gap in the line").isTrue();
        assertThat(section.get("selector").asBoolean()).isFalse();
    }

    @Test
    void aMetricWithoutAFiniteValueSaysSo() throws Exception {
        LoadTestResult now = result("T.t").withAppMetrics(appMetrics(Map.of("limit", metric((Double) null)), 0, null, List.of()));

        JsonNode section = shown(page(new ReportedTest(now, null)), 0, "appMetrics");

        assertThat(section.get("notes")).extracting(JsonNode::asText).containsExactly("No baseline.");
        assertThat(cells(section, "limit")).containsExactly("limit", "—", "—", "—", "—", "not finite", "—", "—", "—", "—");
    }

    @Test
    void manyMetricsShareOneChartWithASelectorAndFewGetOneEach() throws Exception {
        Map<String, MetricSeries> many = new LinkedHashMap<>();
        for (int i = 0; i < ShownSection.MAX_SEPARATE_CHARTS + 1; i++) {
            many.put("metric_" + i, metric(1.0, 2.0));
        }
        LoadTestResult crowded = result("T.many").withAppMetrics(appMetrics(many, 0, null, List.of()));
        LoadTestResult few = result("T.few").withAppMetrics(appMetrics(Map.of("a", metric(1.0), "b", metric(2.0)), 0, null, List.of()));

        String html = page(new ReportedTest(crowded, null), new ReportedTest(few, null));

        assertThat(shown(html, 0, "appMetrics").get("selector").asBoolean()).isTrue();
        assertThat(shown(html, 0, "appMetrics").get("charts")).hasSize(ShownSection.MAX_SEPARATE_CHARTS + 1);
        assertThat(shown(html, 1, "appMetrics").get("selector").asBoolean()).isFalse();
        assertThat(html).contains("function shownSection(", "t.shown.forEach(");
    }

    @Test
    void aMetricNameWithQuotesAndAngleBracketsStaysDataAndNeverBecomesMarkup() throws Exception {
        LoadTestResult plain = result("T.t").withAppMetrics(appMetrics(Map.of("plain", metric(1.0)), 0, null, List.of()));
        LoadTestResult nasty = result("T.t").withAppMetrics(appMetrics(Map.of(NASTY, metric(1.0)), 1, "said \"<no>\"",
                List.of("missing{a=\"<i>\"}")));

        String html = page(new ReportedTest(nasty, null));

        assertThat(html).doesNotContain("<b>x</b>", "</script><b>", "<i>", "<no>");
        assertThat(count(html, "</script")).as("no script element closed early").isEqualTo(count(page(new ReportedTest(plain, null)), "</script"));
        JsonNode section = shown(html, 0, "appMetrics");
        assertThat(section.get("rows").get(0).get("key").asText()).isEqualTo(NASTY);
        assertThat(section.get("charts").get(0).get("title").asText()).isEqualTo(NASTY);
        assertThat(section.get("notes")).extracting(JsonNode::asText).contains("Not served in this run: missing{a=\"<i>\"}.");
        // The page writes every such string with textContent/setAttribute, never innerHTML.
        assertThat(ShownSection.SCRIPT).doesNotContain("innerHTML");
    }

    @Test
    void theVerdictAndTheFailingRowsComeFirstAndATestWhoseGateFailedIsNeverHeadedPassedAlone() throws Exception {
        LoadTestResult slow = result("Shop.checkout");
        List<MetricComparison> rows = List.of(
                new MetricComparison("Shop.checkout", "POST /pay", Metric.P50_LATENCY, 10.0, 25.0, Verdict.REGRESSED, "p=1.0e-04"),
                new MetricComparison("Shop.checkout", "POST /pay", Metric.THROUGHPUT, 500.0, 505.0, Verdict.UNCHANGED, ""),
                new MetricComparison("Shop.browse", "(total)", Metric.P50_LATENCY, 5.0, 5.0, Verdict.UNCHANGED, ""),
                new MetricComparison("Shop.added", "(total)", null, null, null, Verdict.NEW, ""));

        JsonNode data = data(HtmlReport.render(rows, List.of(new ReportedTest(slow, slow), new ReportedTest(result("Shop.browse"), null),
                new ReportedTest(result("Shop.added"), null)), CHART_JS));

        assertThat(data.get("verdict").get("failed").asBoolean()).isTrue();
        assertThat(data.get("verdict").get("headline").asText()).isEqualTo("FAILED: 1 regressed metric in Shop.checkout");
        assertThat(data.get("verdict").get("failing")).singleElement().satisfies(row -> {
            assertThat(row.get("testId").asText()).isEqualTo("Shop.checkout");
            assertThat(row.get("metric").asText()).isEqualTo("p50 latency");
            assertThat(row.get("change").asText()).isEqualTo("+150.0 %");
        });
        assertThat(data.get("tests")).extracting(t -> t.get("status").asText() + ", " + t.get("gate").asText())
                .containsExactly("PASSED, gate FAILED", "PASSED, gate passed", "PASSED, no baseline");
        JsonNode passed = data(HtmlReport.render(rows.subList(1, 4), List.of(), CHART_JS)).get("verdict");
        assertThat(passed.get("failed").asBoolean()).isFalse();
        assertThat(passed.get("headline").asText()).isEqualTo("PASSED: no regression (1 test without a baseline: Shop.added)");
        assertThat(passed.get("failing")).isEmpty();
    }

    @Test
    void theBaselinesHistoryIsShownNewestFirstBelowThisBuildWithTheDriftOfItsMedian() throws Exception {
        LoadTestResult now = withP50(result("Shop.browse"), 1.5);
        List<BaselineVersion> history = List.of(
                new BaselineVersion("c".repeat(40), "2026-12-01T10:00:00Z", withP50(result("Shop.browse"), 1.4)),
                new BaselineVersion("b".repeat(40), "2026-11-15T10:00:00Z", withP50(result("Shop.browse"), 1.2)),
                new BaselineVersion("a".repeat(40), "2026-11-01T10:00:00Z", withP50(result("Shop.browse"), 1.0)));

        JsonNode section = shown(page(new ReportedTest(now, history.get(0).baseline(), history)), 0, "history");

        assertThat(section.get("title").asText()).isEqualTo("Baseline history (shown, not gated)");
        assertThat(section.get("rows")).extracting(row -> row.get("key").asText())
                .containsExactly("now", "c".repeat(40), "b".repeat(40), "a".repeat(40));
        assertThat(cells(section, "now")).containsExactly("this build", "2024-06-01", "1.5", "3");
        assertThat(cells(section, "a".repeat(40))).containsExactly("aaaaaaa", "2026-11-01", "1", "3");
        assertThat(section.get("notes")).extracting(JsonNode::asText)
                .contains("p50 of GET /: 1 ms at aaaaaaa (2026-11-01), 1.4 ms at ccccccc (2026-12-01): +40.0 % over 3 accepted baselines.");
    }

    @Test
    void aTestWithoutHistoryHasNoHistorySection() throws Exception {
        for (JsonNode section : data(page(new ReportedTest(result("Shop.browse"), result("Shop.browse")))).get("tests").get(0).get("shown")) {
            assertThat(section.get("kind").asText()).isNotEqualTo("history");
        }
    }

    private static LoadTestResult withP50(LoadTestResult result, double p50) {
        OperationResult total = result.total();
        LatencySummary latency = total.latencyMs();
        OperationResult changed = new OperationResult(total.requests(), total.errors(), total.errorsByKind(), total.errorRate(),
                total.throughputPerSecond(), new LatencySummary(p50, latency.p90(), latency.p95(), latency.p99(), latency.max(), latency.mean()),
                total.histogram(), total.windows());
        return new LoadTestResult(result.schemaVersion(), result.testId(), result.status(), null, result.startedAt(), result.plan(),
                result.environment(), changed, Map.of("GET /", changed));
    }

    private static String page(ReportedTest... tests) {
        return HtmlReport.render(List.of(), List.of(tests), CHART_JS);
    }

    /** The page's embedded data, as its script reads it. */
    private static JsonNode data(String html) throws Exception {
        String open = "<script type=\"application/json\" id=\"data\">";
        int start = html.indexOf(open) + open.length();
        return new ObjectMapper().readTree(html.substring(start, html.indexOf("</script>", start)));
    }

    private static JsonNode shown(String html, int test, String kind) throws Exception {
        for (JsonNode section : data(html).get("tests").get(test).get("shown")) {
            if (section.get("kind").asText().equals(kind)) {
                return section;
            }
        }
        throw new AssertionError("no " + kind + " section in test " + test);
    }

    private static List<String> cells(JsonNode section, String key) {
        for (JsonNode row : section.get("rows")) {
            if (row.get("key").asText().equals(key)) {
                List<String> cells = new ArrayList<>();
                row.get("cells").forEach(c -> cells.add(c.asText()));
                return cells;
            }
        }
        throw new AssertionError("no row " + key + " in " + section.get("rows"));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
