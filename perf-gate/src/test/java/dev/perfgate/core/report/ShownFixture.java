package dev.perfgate.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.perfgate.core.result.AppMetricsResult;
import dev.perfgate.core.result.AppMetricsResult.MetricSample;
import dev.perfgate.core.result.AppMetricsResult.MetricSeries;
import dev.perfgate.core.result.LatencySummary;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.PlanSummary;
import dev.perfgate.core.result.ResourceResult;
import dev.perfgate.core.result.ResourceResult.ResourceSample;
import dev.perfgate.core.result.ResultStatus;

/** Results carrying resource figures and app metrics, for the report's tests. */
final class ShownFixture {

    /** A metric name a page must show as text: label values may hold quotes and angle brackets. */
    static final String NASTY = "http_requests_total{path=\"</script><b>x</b>\",q='1'}";

    private ShownFixture() {
    }

    static LoadTestResult result(String testId) {
        OperationResult total = new OperationResult(100, 0, Map.of(), 0, 10, new LatencySummary(1, 2, 3, 4, 5, 1), "", List.of());
        return new LoadTestResult(LoadTestResult.SCHEMA_VERSION, testId, ResultStatus.PASSED, null, "2024-06-01T10:15:30Z",
                new PlanSummary("closed", 1, "0s", "1s", "1s", "0s"), null, total,
                Map.of("GET /", total));
    }

    /** {@code seconds} samples whose CPU is {@code cpu} on average (± 5) and memory rises from {@code memory}. */
    static ResourceResult resources(int seconds, double cpu, double memory) {
        List<ResourceSample> series = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            series.add(new ResourceSample(s + 0.5, s % 2 == 0 ? cpu - 5 : cpu + 5, memory + s));
        }
        return ResourceResult.of(series, 512.0);
    }

    /** A metric of {@code values} one second apart. */
    static MetricSeries metric(Double... values) {
        List<MetricSample> samples = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            samples.add(new MetricSample(i + 0.4, values[i]));
        }
        return MetricSeries.of(samples);
    }

    static AppMetricsResult appMetrics(Map<String, MetricSeries> metrics, int failures, String lastFailure, List<String> missing) {
        return new AppMetricsResult("/metrics", 10, failures, lastFailure, metrics, missing);
    }
}
