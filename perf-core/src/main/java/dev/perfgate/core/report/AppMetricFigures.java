package dev.perfgate.core.report;

import static dev.perfgate.core.report.ShownNumbers.change;
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
        AppMetricsResult now = test.current().appMetrics();
        LoadTestResult baselineResult = test.baseline();
        AppMetricsResult before = baselineResult == null ? null : baselineResult.appMetrics();
        String baselineNote = baselineResult == null ? "no baseline" : "none recorded in the baseline";
        List<String> notes = new ArrayList<>();
        if (now == null && before == null) {
            notes.add("None recorded in this run (no withPrometheusMetrics); " + baselineNote + ".");
            return ShownSection.of("appMetrics", TITLE, notes, List.of(), List.of(), List.of(), List.of());
        }
        if (now == null) {
            notes.add("None recorded in this run.");
        }
        if (before == null) {
            notes.add(Character.toUpperCase(baselineNote.charAt(0)) + baselineNote.substring(1) + ".");
        }
        troubles(before, "the baseline", notes);
        troubles(now, "this run", notes);
        Set<String> names = new TreeSet<>();
        if (now != null) {
            names.addAll(now.metrics().keySet());
        }
        if (before != null) {
            names.addAll(before.metrics().keySet());
        }
        List<ShownSection.Row> rows = new ArrayList<>();
        List<ShownSection.Chart> charts = new ArrayList<>();
        for (String name : names) {
            MetricSeries is = now == null ? null : now.metrics().get(name);
            MetricSeries was = before == null ? null : before.metrics().get(name);
            List<String> cells = new ArrayList<>();
            cells.add(name);
            cells.addAll(figures(was));
            cells.addAll(figures(is));
            cells.add(change(was == null ? null : was.mean(), is == null ? null : is.mean()));
            rows.add(new ShownSection.Row(name, cells));
            if (hasSamples(is) || hasSamples(was)) {
                charts.add(new ShownSection.Chart(name, name, "value", false, points(is), points(was)));
            }
        }
        List<ShownSection.Group> groups = List.of(new ShownSection.Group("", 1), new ShownSection.Group("baseline", 4),
                new ShownSection.Group("now", 4), new ShownSection.Group("", 1));
        List<String> head = List.of("metric", "min", "mean", "max", "last", "min", "mean", "max", "last", "mean change");
        return ShownSection.of("appMetrics", TITLE, notes, rows.isEmpty() ? List.of() : groups, head, rows, charts);
    }

    /** Failed scrapes and names never served are said, not hidden in an empty cell. */
    private static void troubles(AppMetricsResult metrics, String side, List<String> notes) {
        if (metrics == null) {
            return;
        }
        if (metrics.failures() > 0) {
            notes.add(metrics.failures() + " of " + (metrics.scrapes() + metrics.failures()) + " scrapes of " + metrics.path()
                    + " failed in " + side + (metrics.lastFailure() == null ? "." : "; the last: " + metrics.lastFailure() + "."));
        }
        if (!metrics.missing().isEmpty()) {
            notes.add("Not served in " + side + ": " + String.join(", ", metrics.missing()) + ".");
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
