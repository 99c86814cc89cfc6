package dev.perfgate.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.perfgate.core.compare.BuildShift;
import dev.perfgate.core.compare.ComparisonTable;
import dev.perfgate.core.compare.GateRules;
import dev.perfgate.core.compare.GateSettings;
import dev.perfgate.core.compare.MetricComparison;
import dev.perfgate.core.compare.ResultComparator;
import dev.perfgate.core.compare.SideBySideComparator;
import dev.perfgate.core.compare.Verdict;
import dev.perfgate.core.io.AtomicFiles;
import dev.perfgate.core.report.ComparisonReport;
import dev.perfgate.core.report.HtmlReport;
import dev.perfgate.core.report.ReportedBenchmark;
import dev.perfgate.core.report.BaselineVersion;
import dev.perfgate.core.report.ReportedTest;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.TestIds;
import dev.perfgate.core.result.TrialFigures;

/**
 * Compares every load-test result of the module with its committed baseline and fails the build
 * on a regression: a latency percentile or the error rate that rose, or a throughput that fell,
 * beyond the tolerance. Prints one table of every compared metric.
 *
 * <pre>
 * mvn verify                          # runs the load tests, then this gate
 * mvn verify -Dperf.tolerance=20      # a looser gate for one run
 * </pre>
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractGateMojo {

    private static final String ANOTHER_LOAD = "another load than the baseline: ";
    private static final String RECORDED_BY = "baseline recorded by another class: ";

    /**
     * Whether the gate tells a run slower as a whole (its machine was busier) from an operation that slowed.
     * Each operation with at least two others in its test is judged against the median change of those
     * others, with the usual tolerance: one operation that slowed beyond the others fails, all of them
     * slowing alike does not. What a test cannot compare within itself (the total, the operations of a
     * test with one or two) is judged against the median change of the build's other tests (at least two),
     * and gated at {@code sharedShiftTolerancePercent} at least. Calibrated metrics keep their own
     * tolerance. Run side by side to see smaller changes of a whole run. On by default: on a shared
     * machine whole runs move by more than the changes worth catching. {@code false} judges every metric
     * against its baseline alone, at {@code tolerancePercent}: for a machine that runs nothing else.
     */
    @Parameter(property = "perf.discountSharedShift", defaultValue = "true")
    private boolean discountSharedShift;

    /**
     * The least tolerance, in percent, of latency and throughput where a
     * test has nothing within itself to compare with: the total, and the operations of a test with fewer
     * than three (judged beyond the build's other tests where there are two or more).
     */
    @Parameter(property = "perf.sharedShiftTolerance", defaultValue = "30")
    private double sharedShiftTolerancePercent;

    /**
     * Where {@code comparison.json}, {@code summary.md} and {@code junit.xml} are written, also when the
     * gate fails. {@code summary.md} is appended to {@code $GITHUB_STEP_SUMMARY} when that is set.
     */
    @Parameter(property = "perf.reportDirectory", defaultValue = "${project.build.directory}/perf-report")
    private File reportDirectory;

    /** Whether a regression fails the build; {@code false} reports it as a warning only. */
    @Parameter(property = "perf.failOnRegression", defaultValue = "true")
    private boolean failOnRegression;

    /**
     * Whether a result without a baseline fails the build (a new test must then be baselined first). A result
     * measured under another load plan than its baseline (users, think time, arrivals, warm-up, duration, mix)
     * counts as one without: its figures are not compared until the baseline is recorded again.
     */
    @Parameter(property = "perf.failOnMissingBaseline", defaultValue = "false")
    private boolean failOnMissingBaseline;

    /**
     * Whether a baseline of this module whose test produced no result (MISSING: the test was renamed,
     * deleted or skipped) fails the build. A baseline belongs to the module that compiled its test
     * class ({@code <SimpleClassName>.<method>}).
     */
    @Parameter(property = "perf.failOnMissingResult", defaultValue = "false")
    private boolean failOnMissingResult;

    /**
     * Set by {@code -DskipTests} or {@code -Dmaven.test.skip}: no load test ran, so there is nothing to gate
     * and the goal is skipped (a build that installs without tests must not report every baseline MISSING).
     */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    /** See {@link #skipTests}. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean skipTestCompilation;

    /** The module's compiled test classes, which tell what baselines it owns. */
    @Parameter(defaultValue = "${project.build.testOutputDirectory}", readonly = true)
    private File testClassesDirectory;

    /** The module's compiled main classes, which tell what benchmark baselines it owns (benchmarks often live in main). */
    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    private File classesDirectory;

    @Override
    void executeGoal() throws MojoExecutionException, MojoFailureException {
        if (skipTests || skipTestCompilation) {
            getLog().info("perfgate: skipped, the tests were skipped (skipTests or maven.test.skip): nothing to gate");
            return;
        }
        GateSettings gate = gateSettings();
        GateRules gateRules = gateRules(gate, true);
        List<LoadTestResult> results = readResults(freshResultFiles());
        List<String> missing = missingResults(results);
        BenchmarkSet benchmarks = readBenchmarks();
        List<MetricComparison> benchmarkRows = benchmarks.compare(gateRules, new ClassOwnership(path(classesDirectory), path(testClassesDirectory)));
        if (results.isEmpty() && missing.isEmpty() && benchmarkRows.isEmpty()) {
            getLog().info("perfgate: no load-test results in " + resultsDirectory() + " and no JMH results in " + benchmarks.resultFile()
                    + "; nothing to check");
            return;
        }
        Map<String, LoadTestResult> baselines = new HashMap<>();
        for (LoadTestResult result : results) {
            baselines.put(result.testId(), readBaseline(result.testId()));
        }
        ResultComparator comparator = comparator(gateRules, results, baselines);
        Map<String, String> notCompared = new TreeMap<>();
        List<MetricComparison> rows = new ArrayList<>();
        List<ReportedTest> reported = new ArrayList<>();
        for (LoadTestResult result : results) {
            LoadTestResult baseline = baselines.get(result.testId());
            warnAboutRun(result);
            if (SideBySideComparator.applies(result)) {
                reported.add(new ReportedTest(result, TrialFigures.referenceResult(result), history(result.testId())));
                rows.addAll(SideBySideCheck.rows(result, baseline, gateRules, getLog()));
                continue;
            }
            reported.add(new ReportedTest(result, baseline, history(result.testId())));
            List<String> loadChanges = loadChanges(baseline, result);
            String otherClass = baseline == null ? null : otherClassThan(baseline, result);
            if (baseline == null) {
                rows.add(ResultComparator.newTest(result));
            } else if (otherClass != null) {
                // Ids are SimpleClassName.method: the baseline may be another class's test of the same name.
                notCompared.put(result.testId(), "perfgate: the baseline of " + result.testId() + " in " + baselineDirectory()
                        + " was recorded by " + otherClass + ", this result by " + result.testClass() + ", so its figures were not"
                        + " compared. If the class moved, record its baseline with: mvn perf:baseline -Dperf.tests=" + result.testId()
                        + "; if two classes share the id, give one an id of its own, e.g. @LoadTest(id = \""
                        + TestIds.ownId(result.testClass(), result.testId())
                        + "\")");
                rows.add(ResultComparator.newTest(result).withRemark(RECORDED_BY + otherClass));
            } else if (!loadChanges.isEmpty()) {
                // Figures measured under another load say nothing about the code: comparing them would pass
                // or fail the build for the test's edit. Until it is re-recorded the test has no baseline.
                notCompared.put(result.testId(), "perfgate: " + result.testId() + " ran another load than its baseline in "
                        + baselineDirectory() + " (" + String.join(", ", loadChanges) + "), so its figures were not compared. If the"
                        + " change is intended, record its baseline with: mvn perf:baseline -Dperf.tests=" + result.testId()
                        + " (then commit " + baselineDirectory().getFileName() + "/)");
                rows.add(ResultComparator.newTest(result).withRemark(ANOTHER_LOAD + String.join(", ", loadChanges)));
            } else {
                List<String> differences = result.environment() == null ? List.of()
                        : result.environment().differencesFrom(baseline.environment());
                warnAboutEnvironment(result.testId(), differences);
                rows.addAll(OtherEnvironment.mark(comparator.compare(baseline, result), differences));
            }
        }
        missing.forEach(testId -> rows.add(ResultComparator.missingTest(testId)));
        rows.addAll(benchmarkRows);
        benchmarks.environmentDifferences().forEach(this::warnAboutEnvironment);
        getLog().info("perfgate: " + results.size() + " load-test result(s)" + (benchmarks.isEmpty() ? "" : " and "
                + benchmarks.byId().size() + " JMH benchmark(s)") + " compared with " + baselineDirectory() + " (" + describe(gate) + ")");
        for (String line : ComparisonTable.render(rows).split("\n")) {
            getLog().info(line);
        }
        writeReports(rows, reported, benchmarks.reported(), gate);
        if (ResultComparator.any(rows, Verdict.INCONCLUSIVE)) {
            getLog().info("perfgate: INCONCLUSIVE rows are not gated; NOTE says why: a change beyond the tolerance must be significant at "
                    + gate.significance() + " across the windows, and a percentile needs " + gate.minTailSamples()
                    + " successful requests beyond it in both runs; run longer to decide it");
        }
        decide(rows, notCompared, resultsDirectory() + (benchmarks.isEmpty() ? "" : " and " + benchmarks.resultFile()));
    }

    /** The settings the header states, e.g. "tolerance 10 %, ...; beyond the run's shared shift, 30 % at least where ...". */
    private String describe(GateSettings gate) {
        return gate.describe() + (discountSharedShift ? "; changes beyond what the rest of the run shared, at least "
                + GateSettings.plain(sharedShiftTolerancePercent) + " % where there is nothing to compare with" : "");
    }

    private List<String> missingResults(List<LoadTestResult> results) throws MojoExecutionException {
        try {
            Set<String> ran = results.stream().map(LoadTestResult::testId).collect(Collectors.toSet());
            return OwnedBaselines.in(baselineDirectory(), path(testClassesDirectory))
                    .stream().filter(testId -> !ran.contains(testId)).collect(Collectors.toList());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list the baselines in " + baselineDirectory() + ": " + e, e);
        }
    }

    private ResultComparator comparator(GateRules gateRules, List<LoadTestResult> results, Map<String, LoadTestResult> baselines)
            throws MojoExecutionException {
        if (!discountSharedShift) {
            return new ResultComparator(gateRules);
        }
        try {
            return new ResultComparator(gateRules).discountingSharedShift(sharedShiftTolerancePercent)
                    .acrossBuild(BuildShift.of(comparablePairs(results, baselines), gateRules));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("perf-maven-plugin configuration: " + e.getMessage(), e);
        }
    }

    /** The results compared with a baseline of the same class and load: together they tell how far the build's machine moved. */
    private static List<BuildShift.Pair> comparablePairs(List<LoadTestResult> results, Map<String, LoadTestResult> baselines) {
        List<BuildShift.Pair> pairs = new ArrayList<>();
        for (LoadTestResult result : results) {
            LoadTestResult baseline = SideBySideComparator.applies(result) ? null : baselines.get(result.testId());
            if (baseline != null && otherClassThan(baseline, result) == null && loadChanges(baseline, result).isEmpty()) {
                pairs.add(new BuildShift.Pair(baseline, result));
            }
        }
        return pairs;
    }

    /** How the load of {@code result} differs from its baseline's; empty without a baseline or a plan to compare. */
    private static List<String> loadChanges(LoadTestResult baseline, LoadTestResult result) {
        return baseline == null || baseline.plan() == null || result.plan() == null ? List.of()
                : result.plan().loadDifferencesFrom(baseline.plan());
    }

    /** Whether this goal fails the build on a regression ({@code check}) or only reports it. */
    boolean gates() {
        return true;
    }

    @Override
    String goal() {
        return "check";
    }

    private void writeReports(List<MetricComparison> rows, List<ReportedTest> tests, List<ReportedBenchmark> benchmarks, GateSettings gate)
            throws MojoExecutionException {
        ComparisonReport report = ComparisonReport.of(rows, gate, tests);
        try {
            report.writeTo(reportDirectory.toPath());
            String html = HtmlReport.render(rows, tests, benchmarks, ChartLibrary.source());
            AtomicFiles.write(reportDirectory.toPath().resolve("index.html"), html.getBytes(StandardCharsets.UTF_8));
            getLog().info("perfgate: report written to " + reportDirectory + " (index.html, summary.md, comparison.json, junit.xml)");
            String stepSummary = System.getenv("GITHUB_STEP_SUMMARY");
            if (stepSummary != null && !stepSummary.isBlank()) {
                Files.writeString(Path.of(stepSummary), report.markdown(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the perfgate report to " + reportDirectory + ": " + e, e);
        }
    }

    private void warnAboutEnvironment(String testId, List<String> differences) {
        if (!differences.isEmpty()) {
            getLog().warn("perfgate: " + testId + " ran on another environment than its baseline: " + String.join(", ", differences)
                    + "; figures may differ for that reason alone");
        }
    }

    private void warnAboutRun(LoadTestResult result) {
        if (result.status() != ResultStatus.PASSED) {
            getLog().warn("perfgate: " + result.testId() + " ended " + result.status() + " (" + result.statusReason()
                    + "); its figures are partial");
        }
        if (result.iterations() != null && result.iterations().dropped() > 0) {
            // Dropped arrivals never reach the latency figures: a slower app can look as fast as before.
            getLog().warn("perfgate: " + result.testId() + " dropped " + result.iterations().dropped() + " of "
                    + result.iterations().scheduled() + " arrivals (maxInFlight iterations were running): its latencies leave them"
                    + " out, so the app could not keep up with the intended rate; raise maxInFlight or lower the rate to measure them");
        }
    }

    /**
     * Fails the build as configured; {@code kept} names where this run's results stay for inspection,
     * {@code notCompared} says why a test with a baseline was not compared with it.
     */
    private void decide(List<MetricComparison> rows, Map<String, String> notCompared, String kept) throws MojoFailureException {
        List<String> unbaselined = testsWith(rows, Verdict.NEW);
        unbaselined.removeAll(notCompared.keySet());
        String noBaseline = unbaselined.isEmpty() ? null : "perfgate: no baseline for " + String.join(", ", unbaselined) + " in "
                + baselineDirectory() + "; record one with: mvn perf:baseline (after the load tests or benchmarks ran) and commit it";
        if (noBaseline != null) {
            getLog().warn(noBaseline);
        }
        List<String> failures = new ArrayList<>();
        for (String message : notCompared.values()) {
            getLog().warn(message);
            if (failOnMissingBaseline && gates()) {
                failures.add(message);
            }
        }
        List<MetricComparison> regressed = rows.stream().filter(r -> r.verdict() == Verdict.REGRESSED).collect(Collectors.toList());
        if (regressed.isEmpty()) {
            getLog().info("perfgate: no regression");
        } else {
            String regression = "Performance regression beyond the tolerance:\n  "
                    + regressed.stream().map(MetricComparison::describe).collect(Collectors.joining("\n  "))
                    + "\nResults are kept in " + kept + ". If the change is intended, accept it with: mvn perf:baseline"
                    + " (then commit " + baselineDirectory().getFileName() + "/)";
            if (failOnRegression && gates()) {
                failures.add(regression);
            } else {
                getLog().warn(regression + (gates() ? " [not failing: perf.failOnRegression=false]" : ""));
            }
        }
        if (noBaseline != null && failOnMissingBaseline && gates()) {
            failures.add(noBaseline);
        }
        List<String> noResult = testsWith(rows, Verdict.MISSING);
        if (!noResult.isEmpty()) {
            String message = "perfgate: no result for " + String.join(", ", noResult) + " although " + baselineDirectory()
                    + " has a baseline for it: was the test renamed, removed or skipped? Delete the baseline if it is gone";
            getLog().warn(message);
            if (failOnMissingResult && gates()) {
                failures.add(message);
            }
        }
        if (!failures.isEmpty()) {
            throw new MojoFailureException(String.join("\n", failures));
        }
    }

    /** The committed versions of the test's baseline, for the report. */
    private List<BaselineVersion> history(String testId) {
        return BaselineLog.of(ResultFiles.fileOf(baselineDirectory(), testId));
    }

    /** The class that recorded {@code baseline} when both files name their class and they differ, else {@code null}. */
    private static String otherClassThan(LoadTestResult baseline, LoadTestResult result) {
        return baseline.testClass() != null && result.testClass() != null && !baseline.testClass().equals(result.testClass())
                ? baseline.testClass() : null;
    }

    /** The tests that a whole-test row (no metric, the total) gives {@code verdict}: NEW or MISSING. */
    private static List<String> testsWith(List<MetricComparison> rows, Verdict verdict) {
        return rows.stream().filter(r -> r.verdict() == verdict && r.wholeTest())
                .map(MetricComparison::testId).collect(Collectors.toList());
    }

}
