/**
 * The result file: what one load test ran and measured ({@code LoadTestResult}, per operation
 * {@code OperationResult} with a full HdrHistogram, windows, steps and side-by-side trials), read and
 * written by {@code ResultFiles} as versioned JSON (docs/result-schema.md). Baselines are result files
 * that were accepted.
 *
 * <pre>{@code
 * LoadTestResult result = ResultFiles.read(Path.of("target/perf-results/GreetingLoadIT.greeting.json"));
 * }</pre>
 */
package dev.perfgate.core.result;
