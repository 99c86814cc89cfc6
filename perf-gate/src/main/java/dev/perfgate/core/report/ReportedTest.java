package dev.perfgate.core.report;

import java.util.List;

import dev.perfgate.core.result.LoadTestResult;

/**
 * One load test as the HTML report shows it: this run, its baseline when there is one, and the
 * baseline's earlier versions.
 *
 * @param current  this run's result
 * @param baseline the baseline it was compared with, or {@code null} for a new test
 * @param history  the committed baseline's versions, newest first; empty outside git or for a new test
 */
public record ReportedTest(LoadTestResult current, LoadTestResult baseline, List<BaselineVersion> history) {

    public ReportedTest {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A test without a baseline history. */
    public ReportedTest(LoadTestResult current, LoadTestResult baseline) {
        this(current, baseline, List.of());
    }
}
