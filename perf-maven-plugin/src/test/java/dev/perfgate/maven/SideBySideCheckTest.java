package dev.perfgate.maven;

import static dev.perfgate.maven.MojoFixture.op;
import static dev.perfgate.maven.MojoFixture.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugin.MojoFailureException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfgate.core.result.LatencySummary;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.SideBySideResult;
import dev.perfgate.core.result.TrialResult;
import dev.perfgate.maven.MojoFixture.CapturingLog;

/** {@code perf:check} on results that ran side by side: decided on their pairs, the baseline only naming the reference. */
class SideBySideCheckTest {

    private static final String TEST = "SearchIT.search";
    /** Each pair's machine speed: 30 % apart from pair to pair, shared by both trials of a pair. */
    private static final double[] MACHINE = {1.0, 1.3, 0.8, 1.1, 0.9, 1.25, 0.85, 1.05, 0.95, 1.15};

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

    @Test
    void aTwentyPercentSlowerCandidateFailsTheBuildWithoutAnyBaselineFigures() throws Exception {
        ResultFiles.write(results, sideBySide("image search:1.4", 1.20));

        MojoFailureException failure = catchThrowableOfType(() -> mojo.execute(), MojoFailureException.class);

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains(TEST, "p95 latency", "+20.0 %", "(Holm, 4 metrics)", "10 pairs");
        assertThat(log.rows(TEST, "p95 latency")).singleElement().asString().contains(" REGRESSED ");
        assertThat(log.at("INFO")).anySatisfy(line -> assertThat(line).contains("ran side by side with its reference (A: image search:1.4",
                "10 pairs of 5s", "seed 42"));
    }

    @Test
    void theSameSpeedOnBothSidesPassesDespiteTheNoiseBetweenPairs() throws Exception {
        ResultFiles.write(results, sideBySide("image search:1.4", 1.0));

        mojo.execute();

        assertThat(log.at("INFO")).contains("perfgate: no regression");
        assertThat(log.rows(TEST, "p95 latency")).singleElement().asString().doesNotContain("REGRESSED");
    }

    @Test
    void aBaselineRecordingAnotherReferenceIsFlaggedOnEveryRow() throws Exception {
        ResultFiles.write(baselines, sideBySide("image search:1.3", 1.0));
        ResultFiles.write(results, sideBySide("image search:1.4", 1.0));

        mojo.execute();

        assertThat(log.at("WARN")).anySatisfy(line -> assertThat(line).contains("ran against image search:1.4", "baseline records image search:1.3"));
        assertThat(log.rows(TEST, "")).isNotEmpty().allSatisfy(row -> assertThat(row).contains("another reference"));
    }

    @Test
    void theReportShowsTheReferenceBesideThisBuild() throws Exception {
        ResultFiles.write(results, sideBySide("image search:1.4", 1.20));

        catchThrowableOfType(() -> mojo.execute(), MojoFailureException.class);

        JsonNode p95 = new ObjectMapper().readTree(MojoFixture.reportDirectoryFor(results).resolve("comparison.json").toFile())
                .get("rows").get(1); // after the median
        // The baseline column holds the reference's median over its trials, the current one this build's.
        assertThat(p95.get("metric").asText()).isEqualTo("P95_LATENCY");
        assertThat(p95.get("baseline").asDouble()).isBetween(10 * 0.95, 10 * 1.1);
        assertThat(p95.get("current").asDouble() / p95.get("baseline").asDouble()).isCloseTo(1.20, within(0.01));
        assertThat(Files.readString(MojoFixture.reportDirectoryFor(results).resolve("index.html")))
                .contains("Side by side: baseline = the reference (A: image search:1.4), now = this build (B: Dockerfile)");
    }

    @Test
    void appsStillGettingFasterThroughTheTrialsAreWarnedAboutBesideTheVerdict() throws Exception {
        List<TrialResult> trials = new ArrayList<>();
        for (int pair = 0; pair < 12; pair++) {
            double factor = 1.5 - 0.04 * pair; // both versions' JIT still at work: 1.5 ms in the first pair, 1.06 ms in the last
            for (String version : List.of(SideBySideResult.REFERENCE, SideBySideResult.CANDIDATE)) {
                trials.add(new TrialResult(pair, 0, version, 0, "2026-11-22T10:00:00Z", figures(factor), Map.of("GET /search", figures(factor))));
            }
        }
        ResultFiles.write(results, result(TEST, op(10, 20)).withSideBySide(new SideBySideResult("image search:1.4", "Dockerfile", 42, "1s",
                trials, true)));

        mojo.execute(); // a warning, not a verdict: the build passes

        assertThat(log.at("WARN")).anySatisfy(line -> assertThat(line).contains(TEST, "still getting faster", "@LoadTest(warmUp)"));
    }

    @Test
    void steadyAppsGetNoWarmUpWarning() throws Exception {
        ResultFiles.write(results, sideBySide("image search:1.4", 1.0));

        mojo.execute();

        assertThat(log.at("WARN")).noneSatisfy(line -> assertThat(line).contains("still getting faster"));
    }

    /** A side-by-side result of 10 pairs whose candidate is {@code slower} times the reference, in every pair. */
    private static LoadTestResult sideBySide(String reference, double slower) {
        List<TrialResult> trials = new ArrayList<>();
        for (int pair = 0; pair < MACHINE.length; pair++) {
            boolean referenceFirst = pair % 3 != 1;
            for (int position = 0; position < 2; position++) {
                boolean isReference = (position == 0) == referenceFirst;
                double factor = MACHINE[pair] * (isReference ? 1 : slower) * (1 + 0.002 * position); // the second trial a touch slower
                trials.add(new TrialResult(pair, 0, isReference ? SideBySideResult.REFERENCE : SideBySideResult.CANDIDATE, position,
                        "2026-11-22T10:00:00Z", figures(factor), Map.of("GET /search", figures(factor))));
            }
        }
        LoadTestResult plain = result(TEST, op(10, 20));
        return plain.withSideBySide(new SideBySideResult(reference, "Dockerfile", 42, "5s", trials));
    }

    private static OperationResult figures(double factor) {
        double p95 = 10 * factor;
        return new OperationResult(5000, 0, Map.of(), 0, 1000 / factor, new LatencySummary(p95 / 2, p95 * 0.9, p95, p95 * 2, p95 * 3, p95 / 2),
                "", List.of());
    }
}
