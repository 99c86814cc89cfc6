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

import dev.perfgate.core.result.HistogramCodec;
import dev.perfgate.core.result.LatencySummary;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.ResourceResult;
import dev.perfgate.core.result.ResultFiles;
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

    @Test
    void reportLoadsWithoutScriptErrorsAndDrawsThreeChartsPerOperationAndOnePerBenchmarkMode() throws Exception {
        Path results = dir.resolve("target/perf-results");
        Path baselines = dir.resolve("baselines");
        ResultFiles.write(baselines, result("Shop.browse", measured(8.0, 1)));
        ResultFiles.write(results, result("Shop.browse", measured(12.0, 2)));
        LoadTestResult added = result("Shop.added", measured(5.0, 3));
        added = added.withSlo(SloReport.of(List.of(SloThreshold.parse(SloThreshold.TOTAL, SloMetric.P95, "1s", "test")), added))
                .withResources(ResourceResult.of(List.of(new ResourceResult.ResourceSample(0.5, 20.0, 40.0),
                        new ResourceResult.ResourceSample(1.5, 35.0, 42.0)), 512.0));
        ResultFiles.write(results, added);
        // Two operations: their total and each of them is charted.
        ResultFiles.write(baselines, result("Shop.checkout", measured(9.0, 4),
                Map.of("GET /cart", measured(6.0, 5), "POST /order", measured(12.0, 6)), MojoFixture.ENVIRONMENT));
        ResultFiles.write(results, result("Shop.checkout", measured(9.5, 7),
                Map.of("GET /cart", measured(6.5, 8), "POST /order", measured(12.5, 9)), MojoFixture.ENVIRONMENT));
        Path jmh = MojoFixture.jmhResultFileFor(results);
        new JmhOutput().add("com.example.ParseBenchmark.parse", "thrpt", "ops/s", JmhOutput.around(1_000))
                .add("com.example.ParseBenchmark.parse", "avgt", "us/op", JmhOutput.around(10)).writeTo(jmh);
        BaselineMojo promote = MojoFixture.configure(new BaselineMojo(), results, baselines, new CapturingLog());
        MojoFixture.set(promote, "tests", "ParseBenchmark.*");
        promote.execute();
        new JmhOutput().add("com.example.ParseBenchmark.parse", "thrpt", "ops/s", JmhOutput.around(900))
                .add("com.example.ParseBenchmark.parse", "avgt", "us/op", JmhOutput.around(11)).writeTo(jmh);
        CheckMojo check = MojoFixture.configure(new CheckMojo(), results, baselines, new CapturingLog());
        MojoFixture.set(check, "failOnRegression", false);

        check.execute();

        Path html = MojoFixture.reportDirectoryFor(results).resolve("index.html");
        assertThat(Files.readString(html)).doesNotContain("src=\"http").contains("Chart.js v4");
        // Kept where a developer can open it when this test fails.
        Path kept = Path.of("target", "html-report-browser-test", "index.html");
        Files.createDirectories(kept.getParent());
        Files.copy(html, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String dom = chromium("--dump-dom", html.toUri().toString());
        // browse and added: 1 view x 3 charts each, added also its container's; checkout: total + 2 operations x 3;
        // the benchmark: 2 modes x 1.
        assertThat(bodyTag(dom)).contains("data-charts-rendered=\"18\"").doesNotContain("data-errors");
        assertThat(dom).contains("data-grade=\"A\"", "(total) p95", "data-resources", "app container: CPU mean 27.5 %");
        assertThat(dom).contains("data-test=\"Shop.browse\"", "data-test=\"Shop.added\"", "data-test=\"Shop.checkout\"", "<canvas",
                "data-view=\"(total)\"", "data-view=\"GET /cart\"", "data-view=\"POST /order\"", "data-benchmark=\"ParseBenchmark.parse\"",
                "<td class=\"num\">1,000 ops/s</td>");
        Path screenshot = kept.resolveSibling("report.png");
        chromium("--screenshot=" + screenshot, "--window-size=1280,1600", html.toUri().toString());
        assertThat(Files.size(screenshot)).as("a rendered page, not a blank one").isGreaterThan(20_000);
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
