package dev.perfgate.core.report;

import static dev.perfgate.core.report.ShownNumbers.change;
import static dev.perfgate.core.report.ShownNumbers.format;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.perfgate.core.result.AppMetricsResult;
import dev.perfgate.core.result.AppMetricsResult.MetricSeries;
import dev.perfgate.core.result.GeneratorResult;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResourceResult;

/**
 * The part of {@code summary.md} with the key figures that are shown, never gated: per test, the app
 * container's CPU mean and memory maximum, the load generator's CPU and each application metric's mean,
 * baseline vs now. The
 * HTML report has the rest; a pull request comment has room for one row per figure, not for series.
 */
final class ShownMarkdown {

    private ShownMarkdown() {
    }

    /** The section, or {@code ""} when no test recorded resources, generator figures or app metrics on either side. */
    static String of(List<ReportedTest> tests) {
        StringBuilder table = new StringBuilder();
        for (ReportedTest test : tests) {
            LoadTestResult baseline = test.baseline();
            String id = cell(test.current().testId());
            ResourceResult now = test.current().resources();
            ResourceResult before = baseline == null ? null : baseline.resources();
            if (now != null || before != null) {
                row(table, id, "CPU mean", resource(before, baseline, cpuMean(before), "%"), resource(now, test.current(), cpuMean(now), "%"),
                        change(cpuMean(before), cpuMean(now)));
                Double wasMemory = before == null ? null : before.memoryMiB().max();
                Double isMemory = now == null ? null : now.memoryMiB().max();
                row(table, id, "memory max", resource(before, baseline, wasMemory, "MiB"), resource(now, test.current(), isMemory, "MiB"),
                        change(wasMemory, isMemory));
            }
            GeneratorResult generatorNow = test.current().generator();
            GeneratorResult generatorBefore = baseline == null ? null : baseline.generator();
            if (generatorNow != null || generatorBefore != null) {
                Double was = generatorBefore == null ? null : generatorBefore.coresUsed();
                Double is = generatorNow == null ? null : generatorNow.coresUsed();
                row(table, id, "load generator CPU (cores)", format(was), format(is), change(was, is));
            }
            AppMetricsResult metricsNow = test.current().appMetrics();
            AppMetricsResult metricsBefore = baseline == null ? null : baseline.appMetrics();
            for (String name : names(metricsNow, metricsBefore)) {
                Double was = mean(metricsBefore, name);
                Double is = mean(metricsNow, name);
                row(table, id, code(name) + " mean", format(was), format(is), change(was, is));
            }
        }
        if (table.length() == 0) {
            return "";
        }
        return "\n### Resources and app metrics (shown, not gated)\n\n| test | figure | baseline | now | change |\n|---|---|---:|---:|---:|\n"
                + table;
    }

    private static Double cpuMean(ResourceResult resources) {
        return resources == null || resources.cpuPercent() == null ? null : resources.cpuPercent().mean();
    }

    /** The figure, or why there is none: a run without a sample differs from one whose engine gave no CPU reading. */
    private static String resource(ResourceResult resources, LoadTestResult result, Double value, String unit) {
        if (result == null) {
            return "no baseline";
        }
        return resources == null ? "not sampled" : format(value, unit);
    }

    private static Set<String> names(AppMetricsResult now, AppMetricsResult before) {
        Set<String> names = new TreeSet<>();
        if (now != null) {
            names.addAll(now.metrics().keySet());
        }
        if (before != null) {
            names.addAll(before.metrics().keySet());
        }
        return names;
    }

    private static Double mean(AppMetricsResult metrics, String name) {
        MetricSeries series = metrics == null ? null : metrics.metrics().get(name);
        return series == null ? null : series.mean();
    }

    private static void row(StringBuilder table, String test, String figure, String baseline, String now, String change) {
        table.append("| ").append(test).append(" | ").append(figure).append(" | ").append(baseline).append(" | ").append(now)
                .append(" | ").append(change).append(" |\n");
    }

    /** A code span, so a label value's {@code <} or {@code *} is shown as written. */
    private static String code(String name) {
        String fence = name.contains("`") ? "`` " : "`";
        return fence + cell(name) + new StringBuilder(fence).reverse();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
