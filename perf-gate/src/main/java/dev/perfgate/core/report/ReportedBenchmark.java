package dev.perfgate.core.report;

import java.util.List;

import dev.perfgate.core.jmh.BenchmarkResult;

/**
 * One JMH benchmark as the HTML report shows it: this run's results and its baseline's, one per mode.
 *
 * @param id       the benchmark's id, {@link BenchmarkResult#id()}
 * @param current  this run's results
 * @param baseline the baseline's results; empty for a new benchmark
 */
public record ReportedBenchmark(String id, List<BenchmarkResult> current, List<BenchmarkResult> baseline) {

    public ReportedBenchmark {
        current = List.copyOf(current);
        baseline = List.copyOf(baseline);
    }
}
