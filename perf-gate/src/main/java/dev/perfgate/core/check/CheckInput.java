package dev.perfgate.core.check;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.perfgate.core.compare.MetricComparison;
import dev.perfgate.core.report.BaselineVersion;
import dev.perfgate.core.result.LoadTestResult;

/**
 * What a {@link Check} judges: this build's results, their baselines, and what the front end found
 * around them (baselines whose test did not run, benchmark rows, each baseline's history). Reading the
 * files is the front end's job, so that each can say where they came from.
 *
 * <pre>{@code
 * CheckInput input = CheckInput.of(results, baselinesById, Path.of("baselines"), "target/perf-results")
 *         .withMissingResults(List.of("Shop.removed"));
 * }</pre>
 *
 * @param results           this build's load-test results
 * @param baselines         each result's baseline by test id; a test without one is absent
 * @param missingResults    tests that have a baseline of this project but produced no result
 * @param benchmarks        the JMH benchmarks, already compared with theirs
 * @param baselineDirectory where the baselines are, for the messages
 * @param resultsKeptIn     where this build's results stay when the gate fails, for the messages
 * @param history           the committed versions of a test's baseline, for the reports
 */
public record CheckInput(List<LoadTestResult> results, Map<String, LoadTestResult> baselines, List<String> missingResults,
        Benchmarks benchmarks, Path baselineDirectory, String resultsKeptIn, Function<String, List<BaselineVersion>> history) {

    public CheckInput {
        results = List.copyOf(results);
        baselines = Map.copyOf(baselines);
        missingResults = List.copyOf(missingResults);
    }

    /** The results and their baselines alone: no missing result, no benchmark, no history. */
    public static CheckInput of(List<LoadTestResult> results, Map<String, LoadTestResult> baselines, Path baselineDirectory,
            String resultsKeptIn) {
        return new CheckInput(results, baselines, List.of(), Benchmarks.NONE, baselineDirectory, resultsKeptIn, testId -> List.of());
    }

    /** The same with {@code testIds} reported MISSING. */
    public CheckInput withMissingResults(List<String> testIds) {
        return new CheckInput(results, baselines, testIds, benchmarks, baselineDirectory, resultsKeptIn, history);
    }

    /** The same with the benchmarks' rows. */
    public CheckInput withBenchmarks(Benchmarks compared) {
        return new CheckInput(results, baselines, missingResults, compared, baselineDirectory, resultsKeptIn, history);
    }

    /** The same with each baseline's committed versions, for the reports. */
    public CheckInput withHistory(Function<String, List<BaselineVersion>> versions) {
        return new CheckInput(results, baselines, missingResults, benchmarks, baselineDirectory, resultsKeptIn, versions);
    }

    /**
     * JMH benchmarks compared with their baselines.
     *
     * @param count                  how many benchmarks ran
     * @param rows                   their rows
     * @param environmentDifferences per benchmark, how its machine or JVM differs from its baseline's
     */
    public record Benchmarks(int count, List<MetricComparison> rows, Map<String, List<String>> environmentDifferences) {

        /** No benchmark. */
        public static final Benchmarks NONE = new Benchmarks(0, List.of(), Map.of());

        public Benchmarks {
            rows = List.copyOf(rows);
            environmentDifferences = Collections.unmodifiableMap(new LinkedHashMap<>(environmentDifferences));
        }
    }
}
