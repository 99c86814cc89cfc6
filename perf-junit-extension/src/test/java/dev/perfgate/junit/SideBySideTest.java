package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.perfgate.core.compare.GateSettings;
import dev.perfgate.core.compare.Metric;
import dev.perfgate.core.compare.MetricComparison;
import dev.perfgate.core.compare.ResultComparator;
import dev.perfgate.core.compare.SideBySideComparator;
import dev.perfgate.core.compare.Verdict;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.SideBySideResult;
import dev.perfgate.core.result.TrialResult;
import dev.perfgate.junit.fixture.ContainerInstancesSideBySideLoad;
import dev.perfgate.junit.fixture.CrashingReferenceLoad;
import dev.perfgate.junit.fixture.InstancesSideBySideLoad;
import dev.perfgate.junit.fixture.InterleavedArrivalRateLoad;
import dev.perfgate.junit.fixture.ReferenceImageLoad;
import dev.perfgate.junit.fixture.ReferencePeerCrashSideBySideLoad;
import dev.perfgate.junit.fixture.SideBySideContainersLoad;
import dev.perfgate.junit.fixture.SideBySideLoad;
import dev.perfgate.junit.fixture.SideBySideWithoutReferenceLoad;
import dev.perfgate.junit.fixture.SlowerCandidateLoad;
import dev.perfgate.junit.fixture.TinyApp;
import dev.perfgate.junit.fixture.TinyServer;

/**
 * Side by side end to end: two real containers of the tiny app, one doing 1 ms of CPU work per request,
 * the other 1 ms (A/A) or 3 ms; 8 pairs of 1 s trials each, decided by the paired statistics with the
 * default gate settings. Then what stops or fails such a run (a version or a container it depends on
 * dying), and what is refused before any container starts.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SideBySideTest {

    @RegisterExtension
    final FixtureIsolation fixtures = FixtureIsolation.clearing(SideBySide.PROPERTY);


    @Test
    void theSameVersionOnBothSidesIsNoRegressionAndTheTrialsAreRecordedInTheirSeededOrder() {
        EngineExecutionResults results = Fixtures.run(SideBySideLoad.class);

        assertThat(Fixtures.failures(results)).isEmpty();
        LoadTestResult result = ResultFiles.read(ResultFiles.fileOf(fixtures.resultsDir(), SideBySideLoad.ID));
        SideBySideResult trials = result.sideBySide();
        assertThat(trials.pairs()).isEqualTo(8);
        assertThat(trials.trials()).hasSize(16);
        assertThat(trials.seed()).isEqualTo(42);
        assertThat(trials.trial()).isEqualTo("1s");
        assertThat(trials.reference()).contains("BURN_MICROS=1000");
        assertThat(trials.order()).isEqualTo(expectedOrder(42, 8));
        for (TrialResult trial : trials.trials()) {
            assertThat(trial.total().requests()).as("trial %d%s", trial.pair(), trial.version()).isPositive();
            assertThat(trial.total().histogram()).isNotEmpty();
        }
        // The candidate's figures are its 8 trials together, one window each.
        long candidateRequests = trials.trials().stream().filter(t -> !t.ofReference()).mapToLong(t -> t.total().requests()).sum();
        assertThat(result.total().requests()).isEqualTo(candidateRequests);
        assertThat(result.total().windows()).hasSize(8);

        List<MetricComparison> rows = decided(result);
        if (ResultComparator.any(rows, Verdict.REGRESSED)) {
            // At the default one-sided significance of 0.05 about one A/A run in twenty fails by chance.
            // A second run tells chance from a bias: a gate that leans one way fails it again.
            Fixtures.run(SideBySideLoad.class);
            rows = decided(ResultFiles.read(ResultFiles.fileOf(fixtures.resultsDir(), SideBySideLoad.ID)));
        }
        assertThat(ResultComparator.any(rows, Verdict.REGRESSED)).as("the build fails on the same version").isFalse();
    }

    @Test
    void aCandidateDoingThreeTimesTheWorkIsARegression() {
        EngineExecutionResults results = Fixtures.run(SlowerCandidateLoad.class);

        assertThat(Fixtures.failures(results)).isEmpty();
        LoadTestResult result = ResultFiles.read(ResultFiles.fileOf(fixtures.resultsDir(), SlowerCandidateLoad.ID));
        assertThat(result.sideBySide().reference()).contains("BURN_MICROS=1000");
        assertThat(result.sideBySide().candidate()).contains("BURN_MICROS=3000");

        List<MetricComparison> rows = decided(result);
        // Throughput, a mean over all requests of a trial, carries the 3x work in every pair. The p95 of 1 s
        // trials rests on about 15 requests and, on a busy machine, on the scheduler: it may need more pairs
        // than 8 to be significant, but it must never look unchanged or better.
        assertThat(verdictOf(rows, Metric.THROUGHPUT)).isEqualTo(Verdict.REGRESSED);
        assertThat(verdictOf(rows, Metric.P95_LATENCY)).isIn(Verdict.REGRESSED, Verdict.INCONCLUSIVE);
        assertThat(ResultComparator.any(rows, Verdict.REGRESSED)).as("the build fails").isTrue();
    }

    @Test
    void interleavedTheSameVersionOnBothSidesIsNoRegressionAndEachPairIsOneTrialOfBoth() {
        System.setProperty(SideBySide.PROPERTY, "interleaved");
        EngineExecutionResults results = Fixtures.run(SideBySideLoad.class);

        assertThat(Fixtures.failures(results)).isEmpty();
        SideBySideResult trials = ResultFiles.read(ResultFiles.fileOf(fixtures.resultsDir(), SideBySideLoad.ID)).sideBySide();
        assertThat(trials.interleaved()).isTrue();
        assertThat(trials.pairs()).isEqualTo(8);
        assertThat(trials.describeTrials()).contains("interleaved", "seed 42");
        for (TrialResult[] pair : trials.completePairs()) {
            assertThat(pair).allSatisfy(trial -> assertThat(trial.position()).isZero());
            // one user, its rounds each one request to A and one to B
            assertThat(Math.abs(pair[0].total().requests() - pair[1].total().requests())).as("pair %d", pair[0].pair())
                    .isLessThanOrEqualTo(1);
            assertThat(pair[0].startedAt()).isEqualTo(pair[1].startedAt());
        }
        assertThat(decided(ResultFiles.read(ResultFiles.fileOf(fixtures.resultsDir(), SideBySideLoad.ID))))
                .extracting(MetricComparison::verdict).doesNotContain(Verdict.REGRESSED, Verdict.IMPROVED);
    }

    @Test
    void interleavedACandidateDoingThreeTimesTheWorkRegressesInLatencyAndThroughput() {
        System.setProperty(SideBySide.PROPERTY, "interleaved");
        EngineExecutionResults results = Fixtures.run(SlowerCandidateLoad.class);

        assertThat(Fixtures.failures(results)).isEmpty();
        LoadTestResult result = ResultFiles.read(ResultFiles.fileOf(fixtures.resultsDir(), SlowerCandidateLoad.ID));
        assertThat(result.sideBySide().interleaved()).isTrue();
        // 20 requests beyond the p95, not the default 50: on a busy machine the slower candidate's 8 trials hold
        // about 40, and this test is about what interleaving decides, not about how long a run must be.
        List<MetricComparison> rows = decided(result, new GateSettings(10, 1, 1, 20));
        // as many requests to each version, but the users spent about three times as long on B's
        assertThat(verdictOf(rows, Metric.THROUGHPUT)).isEqualTo(Verdict.REGRESSED);
        // interleaved, the p95 of each pair's 1 s no longer rests on which version the scheduler favoured that second
        assertThat(verdictOf(rows, Metric.P95_LATENCY)).isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void interleavingATestRunAtAnArrivalRateIsRefusedNamingTheAttribute() {
        EngineExecutionResults results = Fixtures.run(InterleavedArrivalRateLoad.class);

        assertThat(Fixtures.failures(results)).singleElement()
                .isInstanceOf(ExtensionConfigurationException.class)
                .extracting(Throwable::getMessage).asString()
                .contains("@SideBySide(interleaved) on InterleavedArrivalRateLoad.burn", "@LoadTest(arrivalRate)", "@LoadTest(users = N)");
    }

    @Test
    void aReferenceThatDiesAbortsTheTestNamingItAndKeepsThePairsDone() {
        EngineExecutionResults results = Fixtures.run(CrashingReferenceLoad.class);

        assertThat(Fixtures.failures(results)).singleElement().extracting(Throwable::getMessage).asString()
                .contains("ABORTED", "the reference version A (", "CRASH_AFTER=" + CrashingReferenceLoad.CRASH_AFTER, TinyServer.CRASH_MID_RUN_MESSAGE);
        LoadTestResult result = ResultFiles.read(ResultFiles.fileOf(fixtures.resultsDir(), CrashingReferenceLoad.ID));
        assertThat(result.status()).isEqualTo(ResultStatus.ABORTED);
        // The reference answers 150 requests before it exits: within its first 1 s trial or its second.
        assertThat(result.sideBySide().pairs()).isLessThan(8);
        assertThat(result.sideBySide().trials()).allSatisfy(trial -> assertThat(trial.total().requests()).isPositive());
    }

    @Test
    void containersTheTestBuiltWithDependenciesOnBothSidesRunSideBySideAndPassWhileTheirDependenciesStayUp() throws Exception {
        EngineExecutionResults results = Fixtures.run(SideBySideContainersLoad.class);

        assertThat(Fixtures.failures(results)).isEmpty();
        LoadTestResult result = ResultFiles.read(ResultFiles.fileOf(fixtures.resultsDir(), SideBySideContainersLoad.ID));
        assertThat(result.status()).as("the reference's one-shot container, exited before it started, did not die")
                .isEqualTo(ResultStatus.PASSED);
        assertThat(result.sideBySide().pairs()).isEqualTo(3);
        assertThat(result.sideBySide().trials()).as("each answer was the version's own peer's 200, relayed").allSatisfy(trial -> {
            assertThat(trial.total().requests()).isPositive();
            assertThat(trial.total().errors()).isZero();
        });
        assertThat(fixtures.containersCreatedSinceTestStart()).as("each version, its peer, the reference's one-shot").isEqualTo(5);
        SideBySideContainersLoad.NETWORK.close();
    }

    @Test
    void aDependencyOfTheReferenceDyingMidRunFailsTheTestNamingTheReferenceAndThePeerWithItsExitCodeAndLogTail() {
        EngineExecutionResults results = Fixtures.run(ReferencePeerCrashSideBySideLoad.class);

        String peer = "the container " + ReferencePeerCrashSideBySideLoad.REFERENCE_PEER_ALIAS + " (GenericContainer of image ";
        assertThat(Fixtures.failures(results)).singleElement().isInstanceOf(AssertionError.class)
                .extracting(Throwable::getMessage).asString()
                .contains(ReferencePeerCrashSideBySideLoad.ID + " FAILED", "the reference version A (container GenericContainer of image ", "): " + peer,
                        "which the application depends on, stopped with exit code " + TinyServer.CRASH_MID_RUN_EXIT_CODE,
                        "last lines of its log", TinyServer.CRASH_MID_RUN_MESSAGE)
                .doesNotContain("this build's version B", ReferencePeerCrashSideBySideLoad.CANDIDATE_PEER_ALIAS);
        LoadTestResult result = ResultFiles.read(ResultFiles.fileOf(fixtures.resultsDir(), ReferencePeerCrashSideBySideLoad.ID));
        assertThat(result.status()).as("the run ran its course: both versions' own containers stayed up").isEqualTo(ResultStatus.FAILED);
        assertThat(result.statusReason()).contains(peer, TinyServer.CRASH_MID_RUN_MESSAGE);
        SideBySideResult trials = result.sideBySide();
        assertThat(trials.pairs()).isEqualTo(3);
        assertThat(trials.trials().stream().filter(TrialResult::ofReference).mapToLong(trial -> trial.total().errors()).sum())
                .as("the reference's 502s once its peer was gone").isPositive();
        assertThat(trials.trials()).filteredOn(trial -> !trial.ofReference()).allSatisfy(trial -> assertThat(trial.total().errors()).isZero());
        ReferencePeerCrashSideBySideLoad.NETWORK.close();
    }

    @Test
    void aReferenceGivenAsAnImageTagRunsThatImageAsItIs() {
        String image = AppSource.FromDockerfile.imageNameFor(TinyApp.dockerfile().toAbsolutePath().normalize());
        System.setProperty(ReferenceImageLoad.IMAGE_PROPERTY, image);
        try {
            EngineExecutionResults results = Fixtures.run(ReferenceImageLoad.class);

            assertThat(Fixtures.failures(results)).isEmpty();
        } finally {
            System.clearProperty(ReferenceImageLoad.IMAGE_PROPERTY);
        }
        SideBySideResult trials = ResultFiles.read(ResultFiles.fileOf(fixtures.resultsDir(), ReferenceImageLoad.ID)).sideBySide();
        assertThat(trials.reference()).isEqualTo("image " + image);
        assertThat(trials.candidate()).startsWith("Dockerfile ");
        assertThat(trials.pairs()).isEqualTo(2);
    }

    @Test
    void severalInstancesRunTheirShareOfThePairsEachOnFreshContainersOfBothVersionsAllStoppedAfter() throws Exception {
        EngineExecutionResults results = Fixtures.run(InstancesSideBySideLoad.class);

        assertThat(Fixtures.failures(results)).isEmpty();
        assertThat(fixtures.containersCreatedSinceTestStart()).as("one container of each version per instance").isEqualTo(6);
        Fixtures.assertNothingLeft(java.time.Duration.ofSeconds(30));
        LoadTestResult result = ResultFiles.read(ResultFiles.fileOf(fixtures.resultsDir(), InstancesSideBySideLoad.ID));
        SideBySideResult trials = result.sideBySide();
        assertThat(trials.pairs()).isEqualTo(6);
        assertThat(trials.order()).isEqualTo(expectedOrder(42, 6, 2)); // one draw per pair, over all instances
        assertThat(trials.instances()).isEqualTo(3);
        assertThat(trials.trials()).extracting(TrialResult::instance).containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2);
        assertThat(trials.trials()).allSatisfy(trial -> assertThat(trial.total().requests()).isPositive());

        List<MetricComparison> rows = decided(result);
        assertThat(rows).filteredOn(row -> row.metric() != null).allSatisfy(row -> assertThat(row.note()).contains("3 instances, 6 pairs"));
        assertThat(rows).extracting(MetricComparison::verdict).doesNotContain(Verdict.REGRESSED, Verdict.IMPROVED);
    }

    @Test
    void severalInstancesOfContainersTheTestBuiltAreRefusedBeforeAnyStarts() throws Exception {
        EngineExecutionResults results = Fixtures.run(ContainerInstancesSideBySideLoad.class);

        assertThat(Fixtures.failures(results)).singleElement()
                .isInstanceOf(ExtensionConfigurationException.class)
                .extracting(Throwable::getMessage).asString()
                .contains("@SideBySide(instances) on ContainerInstancesSideBySideLoad.burn", "2 instances need fresh containers",
                        "AppUnderTest.fromContainer", "use one instance");
        assertThat(fixtures.containersCreatedSinceTestStart()).isZero();
    }

    @Test
    void sideBySideWithoutAReferenceFailsBeforeAnyContainerStarts() {
        EngineExecutionResults results = Fixtures.run(SideBySideWithoutReferenceLoad.class);

        assertThat(Fixtures.failures(results)).singleElement()
                .isInstanceOf(ExtensionConfigurationException.class)
                .extracting(Throwable::getMessage).asString()
                .contains("@SideBySide on SideBySideWithoutReferenceLoad.burn", "declares no reference", "withReference(");
    }

    @Test
    void aBadPropertyValueFailsNamingThePropertyAndWhatIsValid() {
        System.setProperty(SideBySide.PROPERTY, "pairs:0");
        EngineExecutionResults results = Fixtures.run(SideBySideLoad.class);

        assertThat(Fixtures.failures(results)).singleElement()
                .isInstanceOf(ExtensionConfigurationException.class)
                .extracting(Throwable::getMessage).asString()
                .contains("system property perfgate.sideBySide", "0 pairs is out of range", "1 to 1000");
    }

    /** The rows under the default gate settings, printed: the figures behind a pass or a failure. */
    private static List<MetricComparison> decided(LoadTestResult result) {
        return decided(result, GateSettings.DEFAULT);
    }

    private static List<MetricComparison> decided(LoadTestResult result, GateSettings gate) {
        List<MetricComparison> rows = new SideBySideComparator(gate).compare(result);
        rows.forEach(row -> System.out.println("[side-by-side] " + row.describe() + " " + row.verdict()));
        return rows;
    }

    private static Verdict verdictOf(List<MetricComparison> rows, Metric metric) {
        return rows.stream().filter(r -> r.metric() == metric).findFirst().orElseThrow().verdict();
    }

    /** {@link #expectedOrder(long, int)} on instances of {@code pairsEach} pairs, which {@code order()} sets apart by "|". */
    private static String expectedOrder(long seed, int pairs, int pairsEach) {
        String[] each = expectedOrder(seed, pairs).split(" ");
        StringBuilder order = new StringBuilder();
        for (int pair = 0; pair < each.length; pair++) {
            order.append(pair == 0 ? "" : pair % pairsEach == 0 ? " | " : " ").append(each[pair]);
        }
        return order.toString();
    }

    /** The order PairedRun draws: one boolean per pair from java.util.Random(seed), true for the reference first. */
    private static String expectedOrder(long seed, int pairs) {
        Random random = new Random(seed);
        StringBuilder order = new StringBuilder();
        for (int pair = 0; pair < pairs; pair++) {
            order.append(pair == 0 ? "" : " ").append(random.nextBoolean() ? "AB" : "BA");
        }
        return order.toString();
    }
}
