package dev.perfgate.core.check;

import java.util.List;

import dev.perfgate.core.compare.ComparisonTable;
import dev.perfgate.core.compare.MetricComparison;
import dev.perfgate.core.report.ReportedTest;

/**
 * What the gate decided over one build, in the order a front end shows it: what it noticed while
 * comparing, the header and the table, what it concluded, and why the build fails (empty when it passes).
 *
 * @param noticed   warnings and notes found while comparing, e.g. a run that dropped arrivals
 * @param header    one line: how many results were compared, with which baselines and settings
 * @param rows      one row per compared metric, NEW and MISSING tests included
 * @param tests     each load test with what its figures were compared with, for the reports
 * @param concluded notes after the table: why INCONCLUSIVE rows were not gated, missing baselines, the verdict
 * @param failures  why the build fails, one message per reason; empty when it passes
 */
public record CheckOutcome(List<CheckMessage> noticed, String header, List<MetricComparison> rows, List<ReportedTest> tests,
        List<CheckMessage> concluded, List<String> failures) {

    public CheckOutcome {
        noticed = List.copyOf(noticed);
        rows = List.copyOf(rows);
        tests = List.copyOf(tests);
        concluded = List.copyOf(concluded);
        failures = List.copyOf(failures);
    }

    /** Whether the build fails. */
    public boolean failed() {
        return !failures.isEmpty();
    }

    /** The rows as the aligned text table the console shows. */
    public String table() {
        return ComparisonTable.render(rows);
    }
}
