package dev.perfgate.core.report;

import static dev.perfgate.core.report.ShownNumbers.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.perfgate.core.result.AppMetricsResult;
import dev.perfgate.core.result.AppMetricsResult.MetricSeries;
import dev.perfgate.core.result.LoadTestResult;

/**
 * The HTML report's part for the metrics scraped from the application's Prometheus endpoint,
 * baseline vs now: shown, not gated.
 */
final class AppMetricFigures {

    static final String TITLE = "App metrics (shown, not gated)";

    private AppMetricFigures() {
    }

    /**
     * The part for {@code test}: a line when a side recorded none, the scrape failures and missing
     * names of each side, a row per metric either side holds and a chart per metric with samples.
     */
    static ShownSection of(ReportedTest test) {
        BaselineVsNow<AppMetricsResult> sides = BaselineVsNow.of(test, LoadTestResult::appMetrics, "appMetrics", TITLE, "none recorded",
                " (no withPrometheusMetrics)");
        if (sides.neither()) {
            return sides.noteOnly();
        }
        troubles(sides.baseline(), "the baseline", sides);
        troubles(sides.now(), "this run", sides);
        Set<String> names = new TreeSet<>();
        if (sides.now() != null) {
            names.addAll(sides.now().metrics().keySet());
        }
        if (sides.baseline() != null) {
            names.addAll(sides.baseline().metrics().keySet());
        }
        List<ShownSection.Row> rows = new ArrayList<>();
        List<ShownSection.Chart> charts = new ArrayList<>();
        for (String name : names) {
            MetricSeries is = sides.now(metrics -> metrics.metrics().get(name));
            MetricSeries was = sides.baseline(metrics -> metrics.metrics().get(name));
            rows.add(BaselineVsNow.row(name, name, figures(was), figures(is), was == null ? null : was.mean(), is == null ? null : is.mean()));
            if (hasSamples(is) || hasSamples(was)) {
                charts.add(sides.chart(name, name, "value", false, metrics -> points(metrics.metrics().get(name))));
            }
        }
        List<ShownSection.Group> groups = List.of(new ShownSection.Group("", 1), new ShownSection.Group("baseline", 4),
                new ShownSection.Group("now", 4), new ShownSection.Group("", 1));
        List<String> head = List.of("metric", "min", "mean", "max", "last", "min", "mean", "max", "last", "mean change");
        return sides.section(rows.isEmpty() ? List.of() : groups, head, rows, charts);
    }

    /** Failed scrapes and names never served are said, not hidden in an empty cell. */
    private static void troubles(AppMetricsResult metrics, String side, BaselineVsNow<AppMetricsResult> sides) {
        if (metrics == null) {
            return;
        }
        if (metrics.failures() > 0) {
            sides.note(metrics.failures() + " of " + (metrics.scrapes() + metrics.failures()) + " scrapes of " + metrics.path()
                    + " failed in " + side + (metrics.lastFailure() == null ? "." : "; the last: " + metrics.lastFailure() + "."));
        }
        if (!metrics.missing().isEmpty()) {
            sides.note("Not served in " + side + ": " + String.join(", ", metrics.missing()) + ".");
        }
    }

    private static List<String> figures(MetricSeries series) {
        if (series == null) {
            return List.of(ShownNumbers.NONE, ShownNumbers.NONE, ShownNumbers.NONE, ShownNumbers.NONE);
        }
        if (series.mean() == null) {
            return List.of("not finite", ShownNumbers.NONE, ShownNumbers.NONE, ShownNumbers.NONE);
        }
        return List.of(format(series.min()), format(series.mean()), format(series.max()), format(series.last()));
    }

    private static boolean hasSamples(MetricSeries series) {
        return series != null && !series.samples().isEmpty();
    }

    private static List<ShownSection.Point> points(MetricSeries series) {
        if (series == null) {
            return null;
        }
        return series.samples().stream().map(s -> new ShownSection.Point(s.atSecond(), s.value())).collect(Collectors.toList());
    }
}
