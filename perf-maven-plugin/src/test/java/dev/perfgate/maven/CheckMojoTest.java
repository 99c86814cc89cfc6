package dev.perfgate.maven;

import static dev.perfgate.maven.MojoFixture.op;
import static dev.perfgate.maven.MojoFixture.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfgate.core.compare.GateSettings;
import dev.perfgate.core.result.AppMetricsResult;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.PlanSummary;
import dev.perfgate.core.result.ResourceResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.RunEnvironment;
import dev.perfgate.maven.MojoFixture.CapturingLog;

class CheckMojoTest {

    private static final String TEST = "GreetingIT.greet";

    @TempDir
    Path dir;

    private Path results;
    private Path baselines;
    private final CapturingLog log = new CapturingLog();
    private CheckMojo mojo;

    @BeforeEach
    void setUp() {
        results = dir.resolve("target/perf-results");
        baselines = dir.resolve("baselines");
        mojo = MojoFixture.configure(new CheckMojo(), results, baselines, log);
    }

    private void given(LoadTestResult baseline, LoadTestResult current) throws Exception {
        if (baseline != null) {
            ResultFiles.write(baselines, baseline);
        }
        ResultFiles.write(results, current);
    }

    @Test
    void unchangedResultPassesAndLogsTheTable() throws Exception {
        given(result(TEST, op(10, 20)), result(TEST, op(10, 20)));

        mojo.execute();

        assertThat(log.at("INFO")).anySatisfy(line -> assertThat(line).startsWith("TEST").contains("METRIC", "VERDICT"));
        assertThat(log.rows(TEST, "")).hasSize(5) // GET /greeting, 5 metrics; a single operation needs no total
                .allSatisfy(row -> assertThat(row).contains("GET /greeting").endsWith("UNCHANGED"));
        assertThat(log.rows(TEST, "p95 latency")).hasSize(1);
        assertThat(log.at("INFO")).contains("perfgate: no regression");
        assertThat(log.at("WARN")).isEmpty();
    }

    @Test
    void doubledP95FailsTheBuildAndKeepsTheResult() throws Exception {
        LoadTestResult current = result(TEST, op(20, 30));
        given(result(TEST, op(10, 30)), current);

        MojoFailureException failure = catchThrowableOfType(mojo::execute, MojoFailureException.class);

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains(TEST, "p95 latency", "10.000 ms", "20.000 ms", "+100.0 %", "mvn perf:baseline")
                .doesNotContain("p99 latency");
        assertThat(log.rows(TEST, "p95 latency")).allSatisfy(row -> assertThat(row).contains("  REGRESSED  p="));
        assertThat(log.at("INFO")).doesNotContain("perfgate: no regression");
        assertThat(ResultFiles.read(ResultFiles.fileOf(results, TEST))).isEqualTo(current);
    }

    /** Three single-operation tests, each slower than its baseline (p95 10 ms) by its factor. */
    private void givenABuildSlowerBy(double a, double b, double c) throws Exception {
        given(result("A.get", op(10, 20)), result("A.get", op(10 * a, 20 * a)));
        given(result("B.get", op(10, 20)), result("B.get", op(10 * b, 20 * b)));
        given(result("C.get", op(10, 20)), result("C.get", op(10 * c, 20 * c)));
    }

    @Test
    void aBuildSlowerAsAWholePassesByDefaultAndFailsAgainstTheBaselinesAlone() throws Exception {
        givenABuildSlowerBy(2.2, 2.0, 2.0);
        mojo.execute();

        assertThat(log.rows("A.get", "p95 latency")).singleElement().asString()
                .contains("UNCHANGED", "the other tests moved +100.0 %, +10.0 % beyond them");

        MojoFixture.set(mojo, "discountSharedShift", false);
        log.clear();
        assertThat(catchThrowableOfType(mojo::execute, MojoFailureException.class)).isNotNull();
        assertThat(log.at("INFO")).noneSatisfy(line -> assertThat(line).contains("the rest of the run shared"));
    }

    @Test
    void oneTestSlowerThanTheRestOfTheBuildFailsAlone() throws Exception {
        givenABuildSlowerBy(3.0, 2.0, 2.0);

        MojoFailureException failure = catchThrowableOfType(mojo::execute, MojoFailureException.class);

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("A.get", "+50.0 % beyond them").doesNotContain("B.get", "C.get");
    }

    @Test
    void regressionOnlyWarnsWhenFailOnRegressionIsOff() throws Exception {
        MojoFixture.set(mojo, "failOnRegression", false);
        given(result(TEST, op(10, 30)), result(TEST, op(20, 30)));

        mojo.execute();

        assertThat(log.at("WARN")).singleElement().asString()
                .contains(TEST, "p95 latency", "+100.0 %", "perf.failOnRegression=false");
    }

    @Test
    void missingBaselineWarnsByDefault() throws Exception {
        given(null, result(TEST, op(10, 20)));

        mojo.execute();

        assertThat(log.at("WARN")).singleElement().asString().contains("no baseline for " + TEST, "perf:baseline");
        assertThat(log.rows(TEST, "")).singleElement().asString().endsWith("NEW");
    }

    @Test
    void missingBaselineFailsWhenRequired() throws Exception {
        MojoFixture.set(mojo, "failOnMissingBaseline", true);
        given(null, result(TEST, op(10, 20)));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("no baseline for " + TEST).hasMessageContaining("perf:baseline");
    }

    @Test
    void regressionAndMissingBaselineAreBothNamedWhenBothFail() throws Exception {
        MojoFixture.set(mojo, "failOnMissingBaseline", true);
        given(result(TEST, op(10, 30)), result(TEST, op(20, 30)));
        ResultFiles.write(results, result("Other.added", op(10, 20)));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("Performance regression").hasMessageContaining(TEST + " GET /greeting: p95 latency")
                .hasMessageContaining("no baseline for Other.added");
    }

    @Test
    void badToleranceIsAnErrorEvenWithoutResults() {
        MojoFixture.set(mojo, "tolerancePercent", -5.0);

        assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("tolerancePercent");
    }

    @Test
    void truncatedBaselineIsAnErrorNamingTheFile() throws Exception {
        given(result(TEST, op(10, 20)), result(TEST, op(10, 20)));
        Path baselineFile = ResultFiles.fileOf(baselines, TEST);
        byte[] bytes = Files.readAllBytes(baselineFile);
        Files.write(baselineFile, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessageContaining(baselineFile.toString());
    }

    @Test
    void skipDoesNothingEvenWithARegression() throws Exception {
        MojoFixture.set(mojo, "skip", true);
        given(result(TEST, op(10, 30)), result(TEST, op(20, 30)));

        mojo.execute();

        assertThat(log.lines()).containsExactly("INFO perfgate: skipped (perf.skip)");
    }

    @Test
    void skippedTestsLeaveNothingToGateEvenWithAStaleRegression() throws Exception {
        MojoFixture.set(mojo, "skipTests", true);
        given(result(TEST, op(10, 30)), result(TEST, op(20, 30)));

        mojo.execute();

        assertThat(log.lines()).containsExactly("INFO perfgate: skipped, the tests were skipped (skipTests or maven.test.skip): nothing to gate");
        assertThat(MojoFixture.reportDirectoryFor(results)).doesNotExist();
    }

    @Test
    void testsNotEvenCompiledLeaveNothingToGate() throws Exception {
        MojoFixture.set(mojo, "skipTestCompilation", true);
        given(result(TEST, op(10, 30)), result(TEST, op(20, 30)));

        mojo.execute();

        assertThat(log.lines()).singleElement().asString().contains("nothing to gate");
    }

    @Test
    void noResultsFolderHasNothingToCheck() throws Exception {
        mojo.execute();

        assertThat(Files.exists(results)).isFalse();
        assertThat(log.at("INFO")).singleElement().asString().contains(results.toString(), "nothing to check");
        assertThat(log.at("WARN")).isEmpty();
    }

    @Test
    void negativeToleranceIsAConfigurationError() throws Exception {
        MojoFixture.set(mojo, "tolerancePercent", -5.0);
        given(result(TEST, op(10, 20)), result(TEST, op(10, 20)));

        assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("tolerancePercent");
    }

    @Test
    void p99OfTooFewRequestsIsLeftOutOfTheGateAndSaidOnce() throws Exception {
        // 1,000 requests: 50 lie beyond p95 (gated), 10 beyond p99 (fewer than the 50 required).
        given(result(TEST, op(1_000, 10, 20)), result(TEST, op(1_000, 10, 40)));

        mojo.execute();

        assertThat(log.rows(TEST, "p99 latency")).isEmpty();
        assertThat(log.rows(TEST, "p95 latency")).hasSize(1).allSatisfy(row -> assertThat(row).endsWith("UNCHANGED"));
        assertThat(log.rows(TEST, "not gated")).singleElement().satisfies(row -> assertThat(row)
                .contains("  INCONCLUSIVE  ", "not gated", "p99 of ", "(10)", "p99 5000 requests"));
        assertThat(log.at("INFO")).contains("perfgate: no regression");
    }

    @Test
    void otherEnvironmentThanTheBaselineIsWarnedAbout() throws Exception {
        RunEnvironment laptop = new RunEnvironment(4, "Intel Core i5", "Test JVM 17", "Linux", null, null);
        RunEnvironment server = new RunEnvironment(16, "AMD EPYC 7763", "Test JVM 17", "Linux", null, null);
        given(result(TEST, op(10, 20), laptop), result(TEST, op(10, 20), server));

        mojo.execute();

        assertThat(log.at("WARN")).singleElement().asString()
                .contains(TEST, "another environment", "cores 4 -> 16", "CPU 'Intel Core i5' -> 'AMD EPYC 7763'")
                .doesNotContain("JVM");
        assertThat(log.rows(TEST, "")).hasSize(5)
                .allSatisfy(row -> assertThat(row).endsWith("another environment: cores 4 -> 16, CPU 'Intel Core i5' -> 'AMD EPYC 7763'"));
    }

    @Test
    void aResultAnEarlierRunLeftIsIgnoredWithAWarningWhenThisBuildRanTheTests() throws Exception {
        String stale = "OldIT.slow";
        given(result(TEST, op(10, 20)), result(TEST, op(10, 20)));
        given(result(stale, op(10, 20)), result(stale, op(40, 80))); // would fail the gate
        Files.setLastModifiedTime(ResultFiles.fileOf(results, stale), FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        mojo.execute();

        assertThat(log.at("WARN")).anySatisfy(line -> assertThat(line).contains("ignoring", stale + ".json", "an earlier run wrote it",
                "before this build started", "mvn clean"));
        assertThat(log.rows(stale, "p95 latency")).isEmpty();
        assertThat(log.at("INFO")).anySatisfy(line -> assertThat(line).startsWith("perfgate: 1 load-test result(s) compared with "
                + baselines + " (" + GateSettings.DEFAULT.describe() + "; changes beyond what the rest of the run shared, at least 30 %"));
        assertThat(Files.exists(ResultFiles.fileOf(results, stale))).as("the stale file is kept").isTrue();
    }

    @Test
    void theGateRunOnItsOwnChecksEveryResultThereIs() throws Exception {
        String earlier = "OldIT.slow";
        given(result(earlier, op(10, 20)), result(earlier, op(40, 80)));
        Files.setLastModifiedTime(ResultFiles.fileOf(results, earlier), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        MojoFixture.set(mojo, "goals", List.of("dev.perfgate:perf-maven-plugin:check"));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining(earlier);
        assertThat(log.at("WARN")).noneSatisfy(line -> assertThat(line).contains("ignoring"));
    }

    @Test
    void aResultUnderAnotherLoadIsNotComparedAndSaysHowToRecordItsBaseline() throws Exception {
        LoadTestResult twice = result(TEST, op(20, 40));
        LoadTestResult calmer = withPlan(twice, new PlanSummary("closed", 4, "1s", "10s", "5s", "100ms"));
        given(twice, calmer);

        mojo.execute();

        assertThat(log.rows(TEST, "")).singleElement().asString()
                .contains(" NEW ").endsWith("another load than the baseline: think time 0s -> 100ms");
        assertThat(log.at("WARN")).singleElement().asString()
                .contains(TEST + " ran another load than its baseline", "think time 0s -> 100ms", "not compared",
                        "mvn perf:baseline -Dperf.tests=" + TEST)
                .doesNotContain("no baseline for");
        assertThat(log.at("INFO")).contains("perfgate: no regression");
    }

    @Test
    void aResultUnderAnotherLoadFailsWhenBaselinesAreRequired() throws Exception {
        MojoFixture.set(mojo, "failOnMissingBaseline", true);
        LoadTestResult base = result(TEST, op(10, 20));
        given(base, withPlan(result(TEST, op(10, 20)), new PlanSummary("closed", 8, "1s", "10s", "5s", "0s")));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining(TEST + " ran another load than its baseline").hasMessageContaining("users 4 -> 8");
    }

    @Test
    void aBaselineAnotherClassRecordedIsNotComparedAndTheMessageSaysWhatToDo() throws Exception {
        given(result(TEST, op(10, 20)).withTestClass("com.example.shop.SearchLoadIT"),
                result(TEST, op(40, 20)).withTestClass("com.example.catalog.SearchLoadIT"));

        mojo.execute();

        assertThat(log.at("INFO")).anySatisfy(line -> assertThat(line).contains(" NEW ")
                .endsWith("baseline recorded by another class: com.example.shop.SearchLoadIT"));
        assertThat(log.at("WARN")).singleElement().asString()
                .contains("was recorded by com.example.shop.SearchLoadIT, this result by com.example.catalog.SearchLoadIT", "not compared",
                        "mvn perf:baseline -Dperf.tests=" + TEST, "@LoadTest(id = \"catalog." + TEST + "\")")
                .doesNotContain("no baseline for");
        assertThat(log.at("INFO")).contains("perfgate: no regression");
    }

    @Test
    void aBaselineWithoutItsClassIsComparedAsBefore() throws Exception {
        given(result(TEST, op(10, 20)), result(TEST, op(40, 20)).withTestClass("com.example.catalog.SearchLoadIT"));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("Performance regression");
    }

    private static LoadTestResult withPlan(LoadTestResult result, PlanSummary plan) {
        return new LoadTestResult(result.schemaVersion(), result.testId(), result.status(), null, result.startedAt(), plan,
                result.environment(), result.iterations(), result.total(), result.operations(), null);
    }

    @Test
    void anOpenModelRunThatDroppedArrivalsIsWarnedAbout() throws Exception {
        LoadTestResult base = result(TEST, op(10, 20));
        LoadTestResult dropping = new LoadTestResult(base.schemaVersion(), TEST, base.status(), null, base.startedAt(), base.plan(),
                base.environment(), new dev.perfgate.core.result.IterationResult(4_480, 4_500, 20, 448, 450), base.total(),
                base.operations(), null);
        given(base, dropping);

        mojo.execute();

        assertThat(log.at("WARN")).singleElement().asString().contains(TEST, "dropped 20 of 4500 arrivals", "raise maxInFlight");
    }

    @Test
    void writesTheReportAlsoWhenTheGateFails() throws Exception {
        given(result(TEST, op(10, 30)), result(TEST, op(20, 30)));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);

        Path report = MojoFixture.reportDirectoryFor(results);
        // p95 10 -> 20 ms, and the median with it (5 -> 10 ms)
        assertThat(Files.readString(report.resolve("summary.md"))).contains("**REGRESSED** 2", "p95 latency", "10.000 ms", "20.000 ms");
        assertThat(Files.readString(report.resolve("comparison.json")))
                .contains("\"verdict\" : \"REGRESSED\"", "\"testId\" : \"" + TEST + "\"");
        assertThat(Files.readString(report.resolve("junit.xml")))
                .contains("<testsuite name=\"perfgate." + TEST + "\" tests=\"5\" failures=\"2\"", "<failure message=");
    }

    @Test
    void summaryListsTheAppContainersResourcesAndAppMetricsOfBaselineAndNowWithoutGatingThem() throws Exception {
        given(result(TEST, op(10, 30)).withResources(resources(40.0, 100.0)).withAppMetrics(metrics(2.0)),
                result(TEST, op(10, 30)).withResources(resources(80.0, 300.0)).withAppMetrics(metrics(6.0)));

        mojo.execute();

        String summary = Files.readString(MojoFixture.reportDirectoryFor(results).resolve("summary.md"));
        assertThat(summary).contains("Every gated metric is within the tolerance", "### Resources and app metrics (shown, not gated)",
                "| " + TEST + " | CPU mean | 40 % | 80 % | +100.0 % |", "| " + TEST + " | memory max | 100 MiB | 300 MiB | +200.0 % |",
                "| " + TEST + " | `pool_active` mean | 2 | 6 | +200.0 % |");
    }

    private static ResourceResult resources(double cpu, double memory) {
        return ResourceResult.of(List.of(new ResourceResult.ResourceSample(0.5, cpu, memory)), 1024.0);
    }

    private static AppMetricsResult metrics(double value) {
        return new AppMetricsResult("/metrics", 1, 0, null,
                java.util.Map.of("pool_active", AppMetricsResult.MetricSeries.of(List.of(new AppMetricsResult.MetricSample(0.5, value)))),
                List.of());
    }

    @Test
    void reportGoalComparesButNeverFails() throws Exception {
        ReportMojo report = MojoFixture.configure(new ReportMojo(), results, baselines, log);
        given(result(TEST, op(10, 30)), result(TEST, op(20, 30)));

        report.execute();

        assertThat(log.rows(TEST, "p95 latency")).singleElement().asString().contains("REGRESSED");
        assertThat(log.at("WARN")).anySatisfy(line -> assertThat(line).contains("Performance regression"));
        assertThat(MojoFixture.reportDirectoryFor(results).resolve("summary.md")).exists();
    }

    @Test
    void baselineOfThisModulesTestWithoutAResultIsMissing() throws Exception {
        Path testClasses = MojoFixture.testClassesFor(results);
        Files.createDirectories(testClasses.resolve("com/example"));
        Files.write(testClasses.resolve("com/example/Shop.class"), new byte[0]);
        ResultFiles.write(baselines, result("Shop.gone", op(10, 20)));
        ResultFiles.write(baselines, result("Elsewhere.other", op(10, 20)));
        given(result("Shop.kept", op(10, 20)), result("Shop.kept", op(10, 20)));

        mojo.execute();

        assertThat(log.rows("Shop.gone", "")).singleElement().asString().endsWith("MISSING");
        assertThat(log.rows("Elsewhere.other", "")).as("a baseline of another module's test").isEmpty();
        assertThat(log.at("WARN")).anySatisfy(line -> assertThat(line).contains("no result for Shop.gone", "renamed, removed or skipped"));

        MojoFixture.set(mojo, "failOnMissingResult", true);
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("no result for Shop.gone");
    }

    @Test
    void aRuleWidensTheToleranceForTheTestsAndOperationsItNames() throws Exception {
        given(result(TEST, op(10, 30)), result(TEST, op(14, 30))); // +40 % p95
        MojoFixture.set(mojo, "rules", List.of(rule("Greeting*", "GET /greeting", 50.0), rule("Other.*", null, 1.0)));

        mojo.execute();

        assertThat(log.rows(TEST, "p95 latency")).singleElement().asString().contains("UNCHANGED");
        MojoFixture.set(mojo, "rules", List.of(rule("Greeting*", "GET /other", 50.0)));
        assertThatThrownBy(mojo::execute).as("the rule names another operation").isInstanceOf(MojoFailureException.class);
    }

    @Test
    void aRuleWithoutTestsOrWithABadValueIsAConfigurationErrorNamingIt() {
        MojoFixture.set(mojo, "rules", List.of(rule("A.*", null, 20.0), rule(null, null, 20.0)));
        assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("rule 2").hasMessageContaining("<tests> is required");

        MojoFixture.set(mojo, "rules", List.of(rule("A.*", null, -1.0)));
        assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("rule 1").hasMessageContaining("tolerancePercent");
    }

    @Test
    void onlyTheChosenMetricsAreComparedAndARuleMayChooseOthers() throws Exception {
        given(result(TEST, op(10, 30)), result(TEST, op(20, 30))); // p95 doubled, p99 the same
        MojoFixture.set(mojo, "metrics", "p99, errorRate");

        mojo.execute();

        assertThat(log.rows(TEST, "")).extracting(row -> row.replaceAll("\\s+", " "))
                .hasSize(2).allSatisfy(row -> assertThat(row).contains("UNCHANGED").doesNotContain("p95"));
        assertThat(log.at("INFO")).anySatisfy(line -> assertThat(line).contains("metrics p99,errorRate"));

        GateRule p95 = rule("Greeting*", null, null);
        MojoFixture.set(p95, "metrics", "p50,p95");
        MojoFixture.set(mojo, "rules", List.of(p95));
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("p95 latency")
                .hasMessageContaining("p50 latency");
    }

    @Test
    void anUnknownMetricIsAConfigurationErrorListingTheValidOnes() {
        MojoFixture.set(mojo, "metrics", "p95,p42");

        assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("'p42' is not a metric").hasMessageContaining("p50, p95, p99, throughput, errorRate");
    }

    private static GateRule rule(String tests, String operations, Double tolerancePercent) {
        GateRule rule = new GateRule();
        MojoFixture.set(rule, "tests", tests);
        MojoFixture.set(rule, "operations", operations);
        MojoFixture.set(rule, "tolerancePercent", tolerancePercent);
        return rule;
    }

    @Test
    void slowerJmhBenchmarkFailsTheBuildNamingItsModeAndScore() throws Exception {
        Path jmh = MojoFixture.jmhResultFileFor(results);
        new JmhOutput().add("com.example.ParseBenchmark.parse", "avgt", "us/op", JmhOutput.around(10)).writeTo(jmh);
        BaselineMojo baseline = MojoFixture.configure(new BaselineMojo(), results, baselines, new CapturingLog());
        baseline.execute();
        new JmhOutput().add("com.example.ParseBenchmark.parse", "avgt", "us/op", JmhOutput.around(13)).writeTo(jmh);

        MojoFailureException failure = catchThrowableOfType(mojo::execute, MojoFailureException.class);

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("ParseBenchmark.parse avgt: score 10.000 us/op -> 13.000 us/op (+30.0 %, p=")
                .contains("Results are kept in").contains(jmh.toString());
        assertThat(log.rows("ParseBenchmark.parse", "score")).singleElement().satisfies(row -> assertThat(row).contains("REGRESSED"));
    }

    @Test
    void higherJmhThroughputIsAnImprovementNotAFailure() throws Exception {
        Path jmh = MojoFixture.jmhResultFileFor(results);
        new JmhOutput().add("com.example.ParseBenchmark.parse", "thrpt", "ops/s", JmhOutput.around(1_000)).writeTo(jmh);
        MojoFixture.configure(new BaselineMojo(), results, baselines, new CapturingLog()).execute();
        new JmhOutput().add("com.example.ParseBenchmark.parse", "thrpt", "ops/s", JmhOutput.around(1_300)).writeTo(jmh);

        mojo.execute();

        assertThat(log.rows("ParseBenchmark.parse", "score")).singleElement().satisfies(row -> assertThat(row).contains("IMPROVED"));
        assertThat(log.at("INFO")).contains("perfgate: no regression");
    }

    @Test
    void jmhBenchmarkWithoutBaselineIsNewAndOneOfThisModuleWithoutResultIsMissing() throws Exception {
        Path jmh = MojoFixture.jmhResultFileFor(results);
        new JmhOutput().add("com.example.GoneBenchmark.old", "avgt", "us/op", JmhOutput.around(10)).writeTo(jmh);
        MojoFixture.configure(new BaselineMojo(), results, baselines, new CapturingLog()).execute();
        Path compiled = results.resolveSibling("classes").resolve("com/example/GoneBenchmark.class");
        Files.createDirectories(compiled.getParent());
        Files.write(compiled, new byte[0]);
        new JmhOutput().add("com.example.NewBenchmark.fresh", "avgt", "us/op", JmhOutput.around(10)).writeTo(jmh);
        MojoFixture.set(mojo, "failOnMissingResult", true);

        MojoFailureException failure = catchThrowableOfType(mojo::execute, MojoFailureException.class);

        assertThat(log.at("WARN")).anySatisfy(line -> assertThat(line).startsWith("perfgate: no baseline for NewBenchmark.fresh"));
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("no result for GoneBenchmark.old");
    }

    @Test
    void truncatedJmhOutputIsAnErrorNamingTheFile() throws Exception {
        Path jmh = MojoFixture.jmhResultFileFor(results);
        Files.createDirectories(jmh.getParent());
        Files.writeString(jmh, "[ { \"benchmark\": \"com.example.ParseBenchmark.parse\", \"mode\": ");

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith(jmh.toString()).hasMessageContaining("not valid JSON");
    }

    @Test
    void jmhBenchmarkOnAnotherJvmThanItsBaselineSaysSoInTheTable() throws Exception {
        Path jmh = MojoFixture.jmhResultFileFor(results);
        new JmhOutput().add("com.example.ParseBenchmark.parse", "avgt", "us/op", JmhOutput.around(10)).writeTo(jmh);
        MojoFixture.configure(new BaselineMojo(), results, baselines, new CapturingLog()).execute();
        Files.writeString(jmh, Files.readString(jmh).replace("17.0.15", "21.0.5"));

        mojo.execute();

        assertThat(log.rows("ParseBenchmark.parse", "score")).singleElement().asString()
                .endsWith("UNCHANGED  another environment: JVM 'OpenJDK 64-Bit Server VM 17.0.15' -> 'OpenJDK 64-Bit Server VM 21.0.5'");
        assertThat(log.at("WARN")).anySatisfy(line -> assertThat(line).startsWith("perfgate: ParseBenchmark.parse ran on another environment"));
    }
}
