package dev.perfgate.core.report;

import static dev.perfgate.core.report.ShownNumbers.change;
import static dev.perfgate.core.report.ShownNumbers.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResourceResult;
import dev.perfgate.core.result.ResourceResult.ResourceSample;

/** The HTML report's part for the app container's CPU and memory, baseline vs now: shown, not gated. */
final class ResourceFigures {

    static final String TITLE = "App container resources (shown, not gated)";

    private ResourceFigures() {
    }

    /** The part for {@code test}: a line when a side was not sampled, the figures and their charts for the sides that were. */
    static ShownSection of(ReportedTest test) {
        ResourceResult now = test.current().resources();
        LoadTestResult baselineResult = test.baseline();
        ResourceResult before = baselineResult == null ? null : baselineResult.resources();
        List<String> notes = new ArrayList<>();
        String baselineNote = baselineResult == null ? "no baseline" : "not sampled in the baseline";
        if (now == null && before == null) {
            notes.add("Not sampled in this run; " + baselineNote + ".");
            return ShownSection.of("resources", TITLE, notes, List.of(), List.of(), List.of(), List.of());
        }
        if (now == null) {
            notes.add("Not sampled in this run.");
        }
        if (before == null) {
            notes.add(Character.toUpperCase(baselineNote.charAt(0)) + baselineNote.substring(1) + ".");
        }
        List<ShownSection.Row> rows = List.of(
                row("cpu-mean", "CPU mean (% of one core)", now, before, r -> r.cpuPercent() == null ? null : r.cpuPercent().mean()),
                row("cpu-p95", "CPU p95 (% of one core)", now, before, r -> r.cpuPercent() == null ? null : r.cpuPercent().p95()),
                row("cpu-max", "CPU max (% of one core)", now, before, r -> r.cpuPercent() == null ? null : r.cpuPercent().max()),
                row("memory-mean", "memory mean (MiB)", now, before, r -> r.memoryMiB().mean()),
                row("memory-max", "memory max (MiB)", now, before, r -> r.memoryMiB().max()),
                row("memory-limit", "memory limit (MiB)", now, before, ResourceResult::memoryLimitMiB),
                row("samples", "samples", now, before, r -> (double) r.samples()));
        List<ShownSection.Chart> charts = new ArrayList<>();
        if (hasCpu(now) || hasCpu(before)) {
            charts.add(new ShownSection.Chart("cpu", "CPU (% of one core)", "%", true, points(now, ResourceSample::cpuPercent),
                    points(before, ResourceSample::cpuPercent)));
        }
        charts.add(new ShownSection.Chart("memory", "Memory in use (MiB)", "MiB", true, points(now, ResourceSample::memoryMiB),
                points(before, ResourceSample::memoryMiB)));
        return ShownSection.of("resources", TITLE, notes, List.of(), List.of("figure", "baseline", "now", "change"), rows, charts);
    }

    private static ShownSection.Row row(String key, String label, ResourceResult now, ResourceResult before,
            Function<ResourceResult, Double> figure) {
        Double was = before == null ? null : figure.apply(before);
        Double is = now == null ? null : figure.apply(now);
        return new ShownSection.Row(key, List.of(label, format(was), format(is), change(was, is)));
    }

    private static boolean hasCpu(ResourceResult resources) {
        return resources != null && resources.series().stream().map(ResourceSample::cpuPercent).anyMatch(Objects::nonNull);
    }

    private static List<ShownSection.Point> points(ResourceResult resources, Function<ResourceSample, Double> value) {
        if (resources == null) {
            return null;
        }
        return resources.series().stream().map(s -> new ShownSection.Point(s.atSecond(), value.apply(s))).collect(Collectors.toList());
    }
}
