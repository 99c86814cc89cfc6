package dev.perfgate.core.report;

import dev.perfgate.core.result.LoadTestResult;

/**
 * One load test as the HTML report shows it: this run and, when there is one, its baseline.
 *
 * @param current  this run's result
 * @param baseline the baseline it was compared with, or {@code null} for a new test
 */
public record ReportedTest(LoadTestResult current, LoadTestResult baseline) {
}
