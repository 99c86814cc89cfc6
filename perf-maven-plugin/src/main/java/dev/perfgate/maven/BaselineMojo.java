package dev.perfgate.maven;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.perfgate.core.compare.BenchmarkScore;
import dev.perfgate.core.compare.Metric;
import dev.perfgate.core.jmh.BenchmarkBaseline;
import dev.perfgate.core.jmh.BenchmarkBaselineFiles;
import dev.perfgate.core.jmh.BenchmarkResult;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.RunEnvironment;

/**
 * Promotes the module's load-test results to baselines: each {@code <testId>.json} is written
 * atomically into the baseline folder, and the change of its key figures is printed. JMH results
 * ({@code target/jmh-result.json}) are promoted to {@code <baselines>/jmh/<benchmark id>.json} alike. Run it after
 * the load tests, e.g. after a gate failed on an intended change, and commit the baseline folder.
 *
 * <pre>
 * mvn perf:baseline                   # promote the results of the last run
 * mvn verify perf:baseline -Dperf.failOnRegression=false   # run the tests and promote in one go
 * </pre>
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractPerfMojo {

    /**
     * Promotes only the results whose test id matches one of these comma-separated patterns, where
     * {@code *} stands for any text, e.g. {@code GreetingLoadIT.*,Checkout*}. Default: every result.
     */
    @Parameter(property = "perf.tests")
    private String tests;

    /** Promotes results of failed or aborted runs too; by default they are refused. */
    @Parameter(property = "perf.force", defaultValue = "false")
    private boolean force;

    @Override
    void executeGoal() throws MojoExecutionException, MojoFailureException {
        List<LoadTestResult> results = readResults();
        BenchmarkSet benchmarks = readBenchmarks();
        if (results.isEmpty() && benchmarks.isEmpty()) {
            getLog().warn("perfgate: no load-test results in " + resultsDirectory() + " and no JMH results in " + benchmarks.resultFile()
                    + "; run the load tests or benchmarks first (mvn verify)");
            return;
        }
        Map<String, List<BenchmarkResult>> benchmarkResults = new TreeMap<>(benchmarks.byId());
        if (tests != null && !tests.isBlank()) {
            TestIdFilter filter = TestIdFilter.of(tests);
            results = results.stream().filter(result -> filter.matches(result.testId())).collect(Collectors.toList());
            benchmarkResults.keySet().removeIf(id -> !filter.matches(id));
            if (results.isEmpty() && benchmarkResults.isEmpty()) {
                throw new MojoFailureException("perfgate: no result matches -Dperf.tests=" + tests + " in " + resultsDirectory()
                        + (benchmarks.isEmpty() ? "" : " or " + benchmarks.resultFile()));
            }
        }
        for (LoadTestResult result : results) {
            if (result.status() != ResultStatus.PASSED && !force) {
                throw new MojoFailureException("perfgate: " + result.testId() + " ended " + result.status() + " ("
                        + result.statusReason() + "); its result is not promoted to a baseline. Fix the run, or pass -Dperf.force=true");
            }
        }
        for (LoadTestResult result : results) {
            promote(result);
        }
        RunEnvironment environment = RunEnvironment.current(null);
        for (Map.Entry<String, List<BenchmarkResult>> benchmark : benchmarkResults.entrySet()) {
            promote(benchmarks, new BenchmarkBaseline(benchmark.getKey(), Instant.now(), environment, benchmark.getValue()));
        }
        getLog().info("perfgate: " + (results.size() + benchmarkResults.size()) + " baseline(s) written to " + baselineDirectory()
                + "; review and commit them");
    }

    private void promote(BenchmarkSet benchmarks, BenchmarkBaseline baseline) throws MojoExecutionException {
        BenchmarkBaseline old = readOldBenchmarkBaselineIfUsable(benchmarks, baseline.id());
        try {
            BenchmarkBaselineFiles.write(baselineDirectory(), baseline);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the baseline of benchmark " + baseline.id() + " to " + baselineDirectory()
                    + ": " + e, e);
        }
        getLog().info("perfgate: baseline " + baseline.id() + (old == null ? " (new)" : ""));
        for (BenchmarkResult result : baseline.results()) {
            BenchmarkScore score = new BenchmarkScore(result.mode(), result.unit());
            BenchmarkResult was = old == null ? null
                    : old.results().stream().filter(r -> r.mode() == result.mode() && r.unit().equals(result.unit())).findFirst().orElse(null);
            getLog().info("  " + (was == null
                    ? String.format(Locale.ROOT, "%-6s score %s", result.mode().shortName(), score.format(result.score()))
                    : String.format(Locale.ROOT, "%-6s score %s -> %s (%s)", result.mode().shortName(), score.format(was.score()),
                            score.format(result.score()), score.formatChange(was.score(), result.score()))));
        }
    }

    /** The benchmark baseline being replaced, or null when there is none or it is unreadable: it is replaced either way. */
    private BenchmarkBaseline readOldBenchmarkBaselineIfUsable(BenchmarkSet benchmarks, String id) {
        try {
            return benchmarks.baseline(id);
        } catch (MojoExecutionException unreadable) {
            getLog().warn("perfgate: replacing an unreadable baseline: " + unreadable.getMessage());
            return null;
        }
    }

    private void promote(LoadTestResult result) throws MojoExecutionException {
        LoadTestResult old = readOldBaselineIfUsable(result.testId());
        try {
            ResultFiles.write(baselineDirectory(), result);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the baseline of " + result.testId() + " to " + baselineDirectory() + ": " + e, e);
        }
        getLog().info("perfgate: baseline " + result.testId() + (old == null ? " (new)" : ""));
        if (old != null && old.testClass() != null && result.testClass() != null && !old.testClass().equals(result.testClass())) {
            getLog().warn("perfgate: the baseline " + result.testId() + " was " + old.testClass() + "'s and is now " + result.testClass()
                    + "'s; if these are two classes, each needs an id of its own (@LoadTest(id = ...))");
        }
        for (Metric metric : Metric.values()) {
            getLog().info("  " + describe(metric, old == null ? null : old.total(), result.total()));
        }
    }

    /** The baseline being replaced, or null when there is none or it is unreadable: it is replaced either way. */
    private LoadTestResult readOldBaselineIfUsable(String testId) {
        try {
            return readBaseline(testId);
        } catch (MojoExecutionException unreadable) {
            getLog().warn("perfgate: replacing an unreadable baseline: " + unreadable.getMessage());
            return null;
        }
    }

    private static String describe(Metric metric, OperationResult before, OperationResult after) {
        double now = metric.valueOf(after);
        if (before == null) {
            return String.format(Locale.ROOT, "%-12s %s", metric.label(), metric.format(now));
        }
        double was = metric.valueOf(before);
        return String.format(Locale.ROOT, "%-12s %s -> %s (%s)", metric.label(), metric.format(was), metric.format(now),
                metric.formatChange(was, now));
    }
}
