package dev.perfgate.core.report;

import java.util.List;
import java.util.stream.Collectors;

import dev.perfgate.core.compare.MetricComparison;
import dev.perfgate.core.compare.ResultComparator;
import dev.perfgate.core.compare.Verdict;

/**
 * What the gate decided, said first in every report: failed or passed, and why. A load test can pass
 * as a JUnit test (it ran, its SLOs held) while its gate fails; the two are always said apart.
 *
 * <pre>{@code
 * GateOutcome outcome = GateOutcome.of(rows);
 * outcome.headline();            // "FAILED: 2 regressed metrics in Shop.checkout"
 * outcome.ofTest("Shop.browse"); // "gate passed"
 * }</pre>
 *
 * @param rows every comparison row of the build
 */
public record GateOutcome(List<MetricComparison> rows) {

    public GateOutcome {
        rows = List.copyOf(rows);
    }

    /** The outcome of {@code rows}. */
    public static GateOutcome of(List<MetricComparison> rows) {
        return new GateOutcome(rows);
    }

    /** Whether a row regressed: the gate fails the build (unless it was told to only warn). */
    public boolean failed() {
        return ResultComparator.any(rows, Verdict.REGRESSED);
    }

    /** The rows that fail the gate. */
    public List<MetricComparison> failing() {
        return rows.stream().filter(row -> row.verdict() == Verdict.REGRESSED).toList();
    }

    /**
     * One line for the top of a report, e.g. {@code "FAILED: 2 regressed metrics in Shop.checkout"}, or
     * {@code "PASSED: no regression (1 test without a baseline: Shop.added)"}.
     */
    public String headline() {
        if (failed()) {
            List<MetricComparison> failing = failing();
            return "FAILED: " + failing.size() + (failing.size() == 1 ? " regressed metric in " : " regressed metrics in ")
                    + failing.stream().map(MetricComparison::testId).distinct().collect(Collectors.joining(", "));
        }
        List<String> unbaselined = rows.stream().filter(GateOutcome::unbaselined).map(MetricComparison::testId).distinct().toList();
        return "PASSED: no regression" + (unbaselined.isEmpty() ? "" : " (" + unbaselined.size()
                + (unbaselined.size() == 1 ? " test" : " tests") + " without a baseline: " + String.join(", ", unbaselined) + ")");
    }

    /** The gate's word on one test: {@code "gate FAILED"}, {@code "no baseline"} or {@code "gate passed"}. */
    public String ofTest(String testId) {
        List<MetricComparison> own = rows.stream().filter(row -> row.testId().equals(testId)).toList();
        if (ResultComparator.any(own, Verdict.REGRESSED)) {
            return "gate FAILED";
        }
        return own.stream().anyMatch(GateOutcome::unbaselined) ? "no baseline" : "gate passed";
    }

    /** Whether {@code row} says that its whole test has no baseline. */
    private static boolean unbaselined(MetricComparison row) {
        return row.verdict() == Verdict.NEW && row.wholeTest();
    }
}
