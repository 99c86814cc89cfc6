package dev.perfgate.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import dev.perfgate.core.check.Check;
import dev.perfgate.core.check.CheckInput;
import dev.perfgate.core.check.CheckMessage;
import dev.perfgate.core.check.CheckOutcome;
import dev.perfgate.core.check.CheckSettings;
import dev.perfgate.core.compare.GateRules;
import dev.perfgate.core.compare.GateSettings;
import dev.perfgate.core.compare.MetricComparison;
import dev.perfgate.core.io.AtomicFiles;
import dev.perfgate.core.report.BaselineVersion;
import dev.perfgate.core.report.ComparisonReport;
import dev.perfgate.core.report.HtmlReport;
import dev.perfgate.core.report.ReportedBenchmark;
import dev.perfgate.core.report.ReportedTest;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;

/**
 * The goals that compare this build's results with their baselines, {@code check} and {@code report}: they
 * read the files and the build's settings, hand them to the gate's {@link Check}, print its outcome in
 * Maven's log and write the reports. Only {@code check} fails the build.
 */
abstract class AbstractCheckMojo extends AbstractGateMojo {

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
            LoadTestResult baseline = readBaseline(result.testId());
            if (baseline != null) {
                baselines.put(result.testId(), baseline);
            }
        }
        CheckInput input = CheckInput.of(results, baselines, baselineDirectory(),
                        resultsDirectory() + (benchmarks.isEmpty() ? "" : " and " + benchmarks.resultFile()))
                .withMissingResults(missing)
                .withBenchmarks(new CheckInput.Benchmarks(benchmarks.byId().size(), benchmarkRows, benchmarks.environmentDifferences()))
                .withHistory(this::history);
        CheckOutcome outcome;
        try {
            outcome = new Check(checkSettings(gate, gateRules)).run(input);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("perf-maven-plugin configuration: " + e.getMessage(), e);
        }
        outcome.noticed().forEach(this::say);
        getLog().info(outcome.header());
        for (String line : outcome.table().split("\n")) {
            getLog().info(line);
        }
        writeReports(outcome.rows(), outcome.tests(), benchmarks.reported(), gate);
        outcome.concluded().forEach(this::say);
        if (outcome.failed()) {
            throw new MojoFailureException(String.join("\n", outcome.failures()));
        }
    }

    private CheckSettings checkSettings(GateSettings gate, GateRules gateRules) {
        CheckSettings settings = CheckSettings.of(gateRules, gate)
                .discountingSharedShift(discountSharedShift, sharedShiftTolerancePercent)
                .failingOnRegression(failOnRegression)
                .failingOnMissingBaseline(failOnMissingBaseline)
                .failingOnMissingResult(failOnMissingResult);
        return gates() ? settings : settings.reportingOnly();
    }

    private void say(CheckMessage message) {
        if (message.warning()) {
            getLog().warn(message.text());
        } else {
            getLog().info(message.text());
        }
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

    /** Whether this goal fails the build on a regression ({@code check}) or only reports it. */
    abstract boolean gates();

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

    /** The committed versions of the test's baseline, for the report. */
    private List<BaselineVersion> history(String testId) {
        return BaselineLog.of(ResultFiles.fileOf(baselineDirectory(), testId));
    }
}
