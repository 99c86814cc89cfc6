package dev.perfgate.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.perfgate.core.compare.MetricComparison;
import dev.perfgate.core.compare.ResultComparator;
import dev.perfgate.core.jmh.BenchmarkResult;
import dev.perfgate.core.slo.SloCheck;
import dev.perfgate.core.result.HistogramCodec;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.SideBySideResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.WindowResult;

/**
 * {@code index.html}: one self-contained page (the charting library inlined, no network). First the
 * gate's verdict and the rows that failed it ({@link GateOutcome}); each test is headed by its run's
 * status and its gate's word apart, as a load test may pass as a test and fail the gate. Then, per
 * load test, the comparison rows and, for the total and each operation, three charts of baseline vs
 * now: the latency percentile distribution on a log scale (recomputed from the stored histograms),
 * latency per window, and throughput per window; per JMH benchmark, its rows and the score of every
 * measurement iteration of baseline vs now; per load test also the app container's CPU and memory, the
 * load generator's own CPU and the application's scraped metrics, baseline vs now, shown but not gated
 * ({@code ResourceFigures}, {@code GeneratorFigures}, {@code AppMetricFigures}). The page marks itself {@code data-charts-rendered} when its charts are
 * drawn and {@code data-errors} when a script failed, so a headless browser can check it.
 *
 * <pre>{@code
 * String html = HtmlReport.render(rows, tests, chartJsSource);
 * }</pre>
 */
public final class HtmlReport {

    /** Percentiles drawn in the distribution chart, up to the maximum. */
    private static final double[] PERCENTILES = {0, 10, 25, 50, 75, 90, 95, 97.5, 99, 99.5, 99.9, 99.95, 99.99, 100};

    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {
    }

    /**
     * The page for {@code rows} and {@code tests}, with {@code chartLibrary} (Chart.js 4, UMD build)
     * inlined.
     */
    public static String render(List<MetricComparison> rows, List<ReportedTest> tests, String chartLibrary) {
        return render(rows, tests, List.of(), chartLibrary);
    }

    /**
     * The page for {@code rows}, {@code tests} and {@code benchmarks} (JMH, charted by their iteration
     * scores), with {@code chartLibrary} (Chart.js 4, UMD build) inlined.
     */
    public static String render(List<MetricComparison> rows, List<ReportedTest> tests, List<ReportedBenchmark> benchmarks,
            String chartLibrary) {
        Map<String, Object> data = new LinkedHashMap<>();
        GateOutcome outcome = GateOutcome.of(rows);
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("failed", outcome.failed());
        verdict.put("headline", outcome.headline());
        verdict.put("failing", outcome.failing().stream().map(row -> {
            Map<String, Object> failing = row(row);
            failing.put("testId", row.testId());
            return failing;
        }).collect(Collectors.toList()));
        data.put("verdict", verdict);
        List<Map<String, Object>> testData = new ArrayList<>();
        for (ReportedTest test : tests) {
            Map<String, Object> entry = new LinkedHashMap<>();
            String testId = test.current().testId();
            entry.put("testId", testId);
            entry.put("status", test.current().status().name());
            entry.put("gate", outcome.ofTest(testId));
            entry.put("views", views(test.current(), test.baseline()));
            entry.put("grade", test.current().slo() == null ? null : test.current().slo().grade().name());
            entry.put("slo", test.current().slo() == null ? List.of()
                    : test.current().slo().checks().stream().map(SloCheck::describe).collect(Collectors.toList()));
            List<ShownSection> shown = new ArrayList<>(
                    List.of(ResourceFigures.of(test), GeneratorFigures.of(test), AppMetricFigures.of(test)));
            ShownSection history = BaselineHistoryFigures.of(test);
            if (history != null) {
                shown.add(history);
            }
            entry.put("shown", shown);
            entry.put("rows", rowsOf(rows, testId));
            entry.put("sideBySide", sideBySide(test.current()));
            testData.add(entry);
        }
        data.put("tests", testData);
        List<Map<String, Object>> benchmarkData = new ArrayList<>();
        for (ReportedBenchmark benchmark : benchmarks) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", benchmark.id());
            entry.put("modes", benchmarkModes(benchmark));
            entry.put("rows", rowsOf(rows, benchmark.id()));
            benchmarkData.add(entry);
        }
        data.put("benchmarks", benchmarkData);
        // Data first: the library's text must not be searched for the data marker. No '<' at all in the
        // data: a label value's "</script" or "<!--" would otherwise end or derail the script element.
        return TEMPLATE
                .replace("/*DATA*/", json(data).replace("<", "\\u003c"))
                .replace("/*CHART_JS*/", chartLibrary.replace("</script", "<\\/script"));
    }

    private static List<Map<String, Object>> rowsOf(List<MetricComparison> rows, String testId) {
        return rows.stream().filter(r -> r.testId().equals(testId)).map(HtmlReport::row).collect(Collectors.toList());
    }

    /**
     * The charted views of a test: the total, then each operation; a test that made one and the same
     * operation in both runs has that operation only, as its total would repeat it.
     */
    /** For a side-by-side run, what its two sides are: the charts' "baseline" is then the reference. */
    private static String sideBySide(LoadTestResult current) {
        if (current.sideBySide() == null) {
            return null;
        }
        SideBySideResult trials = current.sideBySide();
        return "Side by side: baseline = the reference (A: " + trials.reference() + "), now = this build (B: " + trials.candidate()
                + "), measured in the same run, " + trials.describeTrials() + "; one point per trial.";
    }

    private static List<Map<String, Object>> views(LoadTestResult current, LoadTestResult baseline) {
        List<Map<String, Object>> views = new ArrayList<>();
        Map<String, OperationResult> operations = new TreeMap<>(current.operations());
        boolean single = operations.size() == 1 && (baseline == null || baseline.operations().keySet().equals(operations.keySet()));
        if (single) {
            String name = operations.keySet().iterator().next();
            views.add(view(name, current.total(), baseline == null ? null : baseline.total(), current, baseline));
            return views;
        }
        views.add(view(ResultComparator.TOTAL, current.total(), baseline == null ? null : baseline.total(), current, baseline));
        operations.forEach((name, now) -> views.add(view(name, now, baseline == null ? null : baseline.operations().get(name), current, baseline)));
        return views;
    }

    private static Map<String, Object> view(String name, OperationResult now, OperationResult before, LoadTestResult current,
            LoadTestResult baseline) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", name);
        view.put("now", series(now, current.startedAt()));
        view.put("baseline", before == null ? null : series(before, baseline.startedAt()));
        return view;
    }

    private static List<Map<String, Object>> benchmarkModes(ReportedBenchmark benchmark) {
        List<Map<String, Object>> modes = new ArrayList<>();
        for (BenchmarkResult now : benchmark.current()) {
            Map<String, Object> mode = new LinkedHashMap<>();
            mode.put("mode", now.mode().shortName());
            mode.put("unit", now.unit());
            mode.put("now", now.iterations());
            mode.put("baseline", benchmark.baseline().stream().filter(b -> b.mode() == now.mode() && b.unit().equals(now.unit()))
                    .map(BenchmarkResult::iterations).findFirst().orElse(null));
            modes.add(mode);
        }
        return modes;
    }

    private static Map<String, Object> series(OperationResult operation, String startedAt) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("distribution", distribution(operation.histogram()));
        List<WindowResult> windows = operation.windows();
        series.put("p50", windows.stream().map(WindowResult::p50).collect(Collectors.toList()));
        series.put("p95", windows.stream().map(WindowResult::p95).collect(Collectors.toList()));
        series.put("p99", windows.stream().map(WindowResult::p99).collect(Collectors.toList()));
        series.put("throughput", windows.stream().map(WindowResult::throughputPerSecond).collect(Collectors.toList()));
        series.put("startedAt", startedAt);
        return series;
    }

    /** {x: 1 / (1 - percentile/100), y: latency ms} points, the usual HdrHistogram plot; empty without a histogram. */
    private static List<Map<String, Double>> distribution(String encoded) {
        List<Map<String, Double>> points = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return points;
        }
        Histogram histogram = HistogramCodec.decode(encoded);
        if (histogram.getTotalCount() == 0) {
            return points;
        }
        for (double percentile : PERCENTILES) {
            double x = percentile >= 100 ? 1_000_000 : 1 / (1 - percentile / 100);
            double y = (percentile >= 100 ? histogram.getMaxValue() : histogram.getValueAtPercentile(percentile)) / 1000.0;
            points.add(Map.of("x", x, "y", y, "percentile", percentile));
        }
        return points;
    }

    private static Map<String, Object> row(MetricComparison row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("operation", row.operation());
        json.put("metric", row.metricLabel());
        json.put("baseline", row.format(row.baseline()));
        json.put("now", row.format(row.current()));
        json.put("change", row.change());
        json.put("verdict", row.verdict().name());
        json.put("note", row.note());
        return json;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report data is not serialisable: " + e.getMessage(), e);
        }
    }

    /** The page: its style and layout in report.html, its script in report.js (resources of this package). */
    private static final String TEMPLATE = ReportAssets.read("report.html").replace("/*REPORT_JS*/",
            ReportAssets.read("report.js").replace("/*SHOWN_SECTION_JS*/", ShownSection.SCRIPT)) + "\n";
}
