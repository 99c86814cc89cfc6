package dev.perfgate.core.report;

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
        BaselineVsNow<ResourceResult> sides = BaselineVsNow.of(test, LoadTestResult::resources, "resources", TITLE, "not sampled", "");
        if (sides.neither()) {
            return sides.noteOnly();
        }
        List<ShownSection.Row> rows = List.of(
                row(sides, "cpu-mean", "CPU mean (% of one core)", r -> r.cpuPercent() == null ? null : r.cpuPercent().mean()),
                row(sides, "cpu-p95", "CPU p95 (% of one core)", r -> r.cpuPercent() == null ? null : r.cpuPercent().p95()),
                row(sides, "cpu-max", "CPU max (% of one core)", r -> r.cpuPercent() == null ? null : r.cpuPercent().max()),
                row(sides, "memory-mean", "memory mean (MiB)", r -> r.memoryMiB().mean()),
                row(sides, "memory-max", "memory max (MiB)", r -> r.memoryMiB().max()),
                row(sides, "memory-limit", "memory limit (MiB)", ResourceResult::memoryLimitMiB),
                row(sides, "samples", "samples", r -> (double) r.samples()));
        List<ShownSection.Chart> charts = new ArrayList<>();
        if (hasCpu(sides.now()) || hasCpu(sides.baseline())) {
            charts.add(sides.chart("cpu", "CPU (% of one core)", "%", true, r -> points(r, ResourceSample::cpuPercent)));
        }
        charts.add(sides.chart("memory", "Memory in use (MiB)", "MiB", true, r -> points(r, ResourceSample::memoryMiB)));
        return sides.section(List.of(), List.of("figure", "baseline", "now", "change"), rows, charts);
    }

    private static ShownSection.Row row(BaselineVsNow<ResourceResult> sides, String key, String label, Function<ResourceResult, Double> figure) {
        Double was = sides.baseline(figure);
        Double is = sides.now(figure);
        return BaselineVsNow.row(key, label, List.of(format(was)), List.of(format(is)), was, is);
    }

    private static boolean hasCpu(ResourceResult resources) {
        return resources != null && resources.series().stream().map(ResourceSample::cpuPercent).anyMatch(Objects::nonNull);
    }

    private static List<ShownSection.Point> points(ResourceResult resources, Function<ResourceSample, Double> value) {
        return resources.series().stream().map(s -> new ShownSection.Point(s.atSecond(), value.apply(s))).collect(Collectors.toList());
    }
}
