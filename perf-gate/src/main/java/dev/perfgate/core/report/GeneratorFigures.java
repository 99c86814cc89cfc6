package dev.perfgate.core.report;

import static dev.perfgate.core.report.ShownNumbers.format;

import java.util.List;
import java.util.function.Function;

import dev.perfgate.core.result.GeneratorResult;
import dev.perfgate.core.result.LoadTestResult;

/**
 * The HTML report's part for what the load generator's own process cost in the measured phase, baseline vs
 * now: shown, not gated. A generator that got busier takes more of the machine from the application.
 */
final class GeneratorFigures {

    static final String TITLE = "Load generator (shown, not gated)";

    private GeneratorFigures() {
    }

    /** The part for {@code test}: a line when a side was not measured, the figures of the sides that were. */
    static ShownSection of(ReportedTest test) {
        BaselineVsNow<GeneratorResult> sides = BaselineVsNow.of(test, LoadTestResult::generator, "generator", TITLE, "not measured", "");
        if (sides.neither()) {
            return sides.noteOnly();
        }
        List<ShownSection.Row> rows = List.of(
                row(sides, "cores-used", "CPU (cores)", GeneratorResult::coresUsed),
                row(sides, "cpu-per-request", "CPU per request (us)", GeneratorResult::cpuMicrosPerRequest),
                row(sides, "cpu-seconds", "CPU time (s)", GeneratorResult::cpuSeconds),
                row(sides, "cores", "cores of the machine", r -> (double) r.cores()));
        return sides.section(List.of(), List.of("figure", "baseline", "now", "change"), rows, List.of());
    }

    private static ShownSection.Row row(BaselineVsNow<GeneratorResult> sides, String key, String label,
            Function<GeneratorResult, Double> figure) {
        Double was = sides.baseline(figure);
        Double is = sides.now(figure);
        return BaselineVsNow.row(key, label, List.of(format(was)), List.of(format(is)), was, is);
    }
}
