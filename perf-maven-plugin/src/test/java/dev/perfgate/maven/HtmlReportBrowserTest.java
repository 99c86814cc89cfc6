package dev.perfgate.maven;

import static dev.perfgate.maven.MojoFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfgate.core.result.AppMetricsResult;
import dev.perfgate.core.result.HistogramCodec;
import dev.perfgate.core.result.LatencySummary;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.ResourceResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.SloJudge;
import dev.perfgate.core.result.WindowResult;
import dev.perfgate.core.slo.SloMetric;
import dev.perfgate.core.slo.SloReport;
import dev.perfgate.core.slo.SloThreshold;
import dev.perfgate.maven.MojoFixture.CapturingLog;

/** The HTML report the gate writes, opened in a real headless Chromium (Debian's; scripts/browser-up.sh). */
class HtmlReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    /** Label values may hold quotes and angle brackets; the page must show them as text. */
    private static final String NASTY = "http_requests_total{path=\"</script><b>x</b>\",q='1'}";

    @Test
    void reportLoadsWithoutScriptErrorsAndDrawsEveryChartOfOperationsResourcesAppMetricsAndBenchmarks() throws Exception {
        Path results = dir.resolve("target/perf-results");
        Path baselines = dir.resolve("baselines");
        // browse: resources and two app metrics on both sides.
        ResultFiles.write(baselines, result("Shop.browse", measured(8.0, 1)).withResources(resources(32, 40, 180))
                .withAppMetrics(appMetrics(Map.of("hikaricp_connections_active", metric(30, 4, 1), NASTY, counter(30, 50)), 0, null,
                        List.of())));
        ResultFiles.write(results, result("Shop.browse", measured(12.0, 2)).withResources(resources(32, 55, 210))
                .withAppMetrics(appMetrics(Map.of("hikaricp_connections_active", metric(30, 6, 2), NASTY, counter(30, 60)), 0, null,
                        List.of())));
        // added: no baseline; resources of this run only, no app metrics.
        LoadTestResult added = result("Shop.added", measured(5.0, 3));
        added = added.withSlo(SloJudge.judge(List.of(SloThreshold.parse(SloThreshold.TOTAL, SloMetric.P95, "1s", "test")), added))
                .withResources(ResourceResult.of(List.of(new ResourceResult.ResourceSample(0.5, 20.0, 40.0),
                        new ResourceResult.ResourceSample(1.5, 35.0, 42.0)), 512.0));
        ResultFiles.write(results, added);
        // checkout: two operations (their total and each of them is charted); six app metrics (one chart and a
        // selector), a failed scrape and a missing name; no resources on either side.
        Map<String, AppMetricsResult.MetricSeries> six = new java.util.TreeMap<>();
        Map<String, AppMetricsResult.MetricSeries> sixNow = new java.util.TreeMap<>();
        for (int i = 0; i < 6; i++) {
            six.put("app_metric_" + i, metric(30, 10 * (i + 1), i));
            sixNow.put("app_metric_" + i, metric(30, 10 * (i + 1) + 3, i + 10));
        }
        ResultFiles.write(baselines, result("Shop.checkout", measured(9.0, 4),
                Map.of("GET /cart", measured(6.0, 5), "POST /order", measured(12.0, 6)), MojoFixture.ENVIRONMENT)
                .withAppMetrics(appMetrics(six, 0, null, List.of())));
        ResultFiles.write(results, result("Shop.checkout", measured(9.5, 7),
                Map.of("GET /cart", measured(6.5, 8), "POST /order", measured(12.5, 9)), MojoFixture.ENVIRONMENT)
                .withAppMetrics(appMetrics(sixNow, 2, "HTTP 503", List.of("queue_depth"))));
        Path jmh = MojoFixture.jmhResultFileFor(results);
        new JmhOutput().add("com.example.ParseBenchmark.parse", "thrpt", "ops/s", JmhOutput.around(1_000))
                .add("com.example.ParseBenchmark.parse", "avgt", "us/op", JmhOutput.around(10)).writeTo(jmh);
        BaselineMojo promote = MojoFixture.configure(new BaselineMojo(), results, baselines, new CapturingLog());
        MojoFixture.set(promote, "tests", "ParseBenchmark.*");
        promote.execute();
        new JmhOutput().add("com.example.ParseBenchmark.parse", "thrpt", "ops/s", JmhOutput.around(900))
                .add("com.example.ParseBenchmark.parse", "avgt", "us/op", JmhOutput.around(11)).writeTo(jmh);
        CapturingLog checkLog = new CapturingLog();
        CheckMojo check = MojoFixture.configure(new CheckMojo(), results, baselines, checkLog);
        MojoFixture.set(check, "failOnRegression", false);

        check.execute();

        Path html = MojoFixture.reportDirectoryFor(results).resolve("index.html");
        assertThat(Files.readString(html)).doesNotContain("src=\"http").contains("Chart.js v4");
        // Kept where a developer can open it when this test fails.
        Path kept = Path.of("target", "html-report-browser-test", "index.html");
        Files.createDirectories(kept.getParent());
        Files.copy(html, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String dom = chromium("--dump-dom", html.toUri().toString());
        // Operations: browse and added 1 view x 3 charts each, checkout total + 2 operations x 3; resources: CPU and
        // memory for browse and added; app metrics: 2 for browse, 1 behind the selector for checkout; the benchmark:
        // 2 modes x 1.
        assertThat(bodyTag(dom)).contains("data-charts-rendered=\"24\"").doesNotContain("data-errors");
        assertThat(count(dom, "<canvas")).isEqualTo(24);
        assertThat(dom).contains("data-grade=\"A\"", "(total) p95");
        // The gate's verdict first, then each test headed by both its run's status and its gate's word.
        assertThat(dom.indexOf("id=\"verdict\"")).isPositive().isLessThan(dom.indexOf("data-test="));
        String gate = checkLog.at("WARN").stream().anyMatch(line -> line.contains("Performance regression")) ? "FAILED" : "PASSED";
        assertThat(dom).contains("data-verdict=\"" + gate + "\"", "<p>Gate " + gate + ": ",
                "<h2>Shop.added (test PASSED, no baseline)</h2>", "data-gate=\"no baseline\"");
        assertThat(dom).contains("data-test=\"Shop.browse\"", "data-test=\"Shop.added\"", "data-test=\"Shop.checkout\"", "<canvas",
                "data-view=\"(total)\"", "data-view=\"GET /cart\"", "data-view=\"POST /order\"", "data-benchmark=\"ParseBenchmark.parse\"",
                "<td class=\"num\">1,000 ops/s</td>");
        assertThat(dom).contains("App container resources (shown, not gated)", "App metrics (shown, not gated)",
                "<td>CPU mean (% of one core)</td><td class=\"num\">40</td><td class=\"num\">55</td><td class=\"num\">+37.5 %</td>",
                "<td>hikaricp_connections_active</td>", "data-chart=\"memory\"", "data-chart=\"cpu\"",
                "No baseline.", "Not sampled in this run; not sampled in the baseline.",
                "None recorded in this run (no withPrometheusMetrics); no baseline.",
                "2 of 12 scrapes of /metrics failed in this run; the last: HTTP 503.", "Not served in this run: queue_depth.",
                "data-selector=\"appMetrics\"", "<option value=\"5\">app_metric_5</option>");
        // The name is text in a cell, its markup never parsed.
        assertThat(dom).contains("<td>http_requests_total{path=\"&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;\",q='1'}</td>")
                .doesNotContain("<b>x</b>");
        assertThat(switchedMetricChart(html, "5")).isEqualTo("app_metric_5");
        Path screenshot = kept.resolveSibling("report.png");
        chromium("--screenshot=" + screenshot, "--window-size=1280,1600", html.toUri().toString());
        assertThat(Files.size(screenshot)).as("a rendered page, not a blank one").isGreaterThan(20_000);
        // The whole page, to look at the resource and app-metric parts.
        Path whole = kept.resolveSibling("report-full.png");
        chromium("--screenshot=" + whole, "--window-size=1280,9000", html.toUri().toString());
        assertThat(Files.size(whole)).isGreaterThan(Files.size(screenshot));
    }

    /**
     * What the metric chart shows after choosing option {@code value} in the selector, as a person would;
     * fails when that draws with a script error.
     */
    private String switchedMetricChart(Path html, String value) throws IOException, InterruptedException {
        Path switched = html.resolveSibling("switched.html");
        String page = Files.readString(html);
        int end = page.lastIndexOf("</body>");
        Files.writeString(switched, page.substring(0, end) + "<script>(function(){"
                + "var pick=document.querySelector('[data-selector=\"appMetrics\"]');pick.value='" + value + "';"
                + "pick.dispatchEvent(new Event('change'));var box=document.querySelector('[data-shown=\"appMetrics\"] .wide');"
                + "document.body.setAttribute('data-switched',box.getAttribute('data-chart')+(box.querySelectorAll('canvas').length===1?'':' (canvases: '"
                + "+box.querySelectorAll('canvas').length+')'));})();</script>" + page.substring(end));
        String body = bodyTag(chromium("--dump-dom", switched.toUri().toString()));
        assertThat(body).doesNotContain("data-errors");
        int at = body.indexOf("data-switched=\"");
        return at < 0 ? body : body.substring(at + "data-switched=\"".length(), body.indexOf('"', at + "data-switched=\"".length()));
    }

    /** {@code seconds} (a multiple of 8) samples: CPU waving around a mean of {@code cpu} %, memory rising from {@code memory} MiB. */
    private static ResourceResult resources(int seconds, double cpu, double memory) {
        double[] wave = {0, 6, 10, 6, 0, -6, -10, -6};
        List<ResourceResult.ResourceSample> series = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            series.add(new ResourceResult.ResourceSample(s + 0.5, cpu + wave[s % wave.length], memory + s * 1.5));
        }
        return ResourceResult.of(series, 2048.0);
    }

    /** A gauge scraped each second: {@code level} with noise. */
    private static AppMetricsResult.MetricSeries metric(int seconds, double level, long seed) {
        Random random = new Random(seed);
        List<AppMetricsResult.MetricSample> samples = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            samples.add(new AppMetricsResult.MetricSample(s + 0.3, (double) Math.round(level + 2 * random.nextGaussian())));
        }
        return AppMetricsResult.MetricSeries.of(samples);
    }

    /** A counter rising by {@code perSecond}. */
    private static AppMetricsResult.MetricSeries counter(int seconds, double perSecond) {
        List<AppMetricsResult.MetricSample> samples = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            samples.add(new AppMetricsResult.MetricSample(s + 0.3, 1000 + perSecond * s));
        }
        return AppMetricsResult.MetricSeries.of(samples);
    }

    private static AppMetricsResult appMetrics(Map<String, AppMetricsResult.MetricSeries> metrics, int failures, String lastFailure,
            List<String> missing) {
        return new AppMetricsResult("/metrics", 10, failures, lastFailure, metrics, missing);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static String bodyTag(String dom) {
        int start = dom.indexOf("<body");
        return start < 0 ? "(no body in: " + dom.substring(0, Math.min(200, dom.length())) + ")" : dom.substring(start, dom.indexOf('>', start) + 1);
    }

    /** A result with a real histogram and 10 windows around {@code p95Millis}. */
    private static OperationResult measured(double p95Millis, long seed) {
        Random random = new Random(seed);
        Histogram histogram = new Histogram(1, 3_600_000_000L, 3);
        List<WindowResult> windows = new ArrayList<>();
        for (int w = 0; w < 10; w++) {
            Histogram window = new Histogram(2);
            for (int i = 0; i < 1_000; i++) {
                long micros = (long) (p95Millis * 1000 / 2.2 * Math.exp(0.5 * random.nextGaussian()));
                histogram.recordValue(Math.max(1, micros));
                window.recordValue(Math.max(1, micros));
            }
            windows.add(new WindowResult(1_000, 0, 500, window.getValueAtPercentile(50) / 1000.0,
                    window.getValueAtPercentile(95) / 1000.0, window.getValueAtPercentile(99) / 1000.0));
        }
        return new OperationResult(10_000, 0, Map.of(), 0, 500, LatencySummary.of(histogram), HistogramCodec.encode(histogram), windows);
    }

    private String chromium(String... arguments) throws IOException, InterruptedException {
        assertThat(CHROMIUM).as("Debian's chromium; install it with scripts/browser-up.sh").isExecutable();
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"), "--virtual-time-budget=5000"));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(dir, "chromium", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(false).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 60 s: " + command);
        }
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
