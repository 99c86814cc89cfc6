package dev.perfgate.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class SideBySideResultTest {

    @TempDir
    Path folder;

    @Test
    void aResultWithTrialsIsWrittenAndReadBackEqual() throws IOException {
        LoadTestResult result = ResultFilesTest.result("T.sbs").withSideBySide(trials(3));

        Path file = ResultFiles.write(folder, result);
        LoadTestResult back = ResultFiles.read(file);

        assertThat(back).isEqualTo(result);
        List<String> fields = new ArrayList<>();
        new ObjectMapper().readTree(file.toFile()).get("sideBySide").get("trials").get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("the fields docs/result-schema.md lists").containsExactly("pair", "instance", "version", "position",
                "startedAt", "total", "operations");
        assertThat(back.sideBySide().pairs()).isEqualTo(3);
        assertThat(back.sideBySide().order()).isEqualTo("AB BA AB");
    }

    @Test
    void aFileWrittenBeforeSideBySideReadsAsNotRunSideBySide() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(Files.readAllBytes(ResultFiles.write(folder, ResultFilesTest.result("T.old"))));
        tree.remove("sideBySide");
        Files.writeString(folder.resolve("T.old.json"), json.writeValueAsString(tree));

        assertThat(ResultFiles.read(folder.resolve("T.old.json")).sideBySide()).isNull();
    }

    @Test
    void theSummaryLineCountsThePairsAndSaysWhoseFiguresItGives() {
        LoadTestResult candidate = TrialFigures.candidateResult(ResultFilesTest.result("T.sbs"), trials(3), 2.0);

        // the plan's duration is one trial's: "10s" would misstate what ran
        assertThat(ResultSummary.of(candidate))
                .startsWith("T.sbs PASSED: 4 users, 3 pairs of 2s trials (warm-up 2s): candidate (B) 600 requests, 0 errors, 100.0/s;");
        assertThat(ResultSummary.of(ResultFilesTest.result("T.plain"))).startsWith("T.plain PASSED: 4 users, 10s (warm-up 2s): 1500 requests");
    }

    @Test
    void theCandidatesFiguresAreItsTrialsTogetherWithOneWindowEach() {
        SideBySideResult trials = trials(3);

        LoadTestResult candidate = TrialFigures.candidateResult(ResultFilesTest.result("T.sbs"), trials, 2.0);
        LoadTestResult reference = TrialFigures.referenceResult(candidate);

        // B trials: 100, 200, 300 requests of 1, 2, 3 ms over 3 x 2 s; A trials: 100 each of 1 ms.
        assertThat(candidate.total().requests()).isEqualTo(600);
        assertThat(candidate.total().throughputPerSecond()).isEqualTo(100.0);
        assertThat(candidate.total().windows()).extracting(WindowResult::requests).containsExactly(100L, 200L, 300L);
        assertThat(candidate.total().latencyMs().p50()).isEqualTo(2.0, within(0.01));
        assertThat(candidate.operations()).containsOnlyKeys("GET /x");
        assertThat(candidate.sideBySide()).isEqualTo(trials);
        assertThat(candidate.timeSeries()).isEmpty();
        assertThat(reference.total().requests()).isEqualTo(300);
        assertThat(reference.total().latencyMs().p99()).isEqualTo(1.0, within(0.01));
        assertThat(reference.sideBySide()).isNull();
    }

    @Test
    void aTrialWrittenBeforeInstancesExistedReadsAsTheFirstInstance() throws IOException {
        Path file = ResultFiles.write(folder, ResultFilesTest.result("T.old").withSideBySide(trials(2)));
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(file.toFile());
        tree.get("sideBySide").get("trials").forEach(trial -> ((ObjectNode) trial).remove("instance"));
        json.writeValue(file.toFile(), tree);

        assertThat(ResultFiles.read(file).sideBySide().trials()).extracting(TrialResult::instance).containsOnly(0);
    }

    @Test
    void theTrialsAreDescribedWithTheirInstancesOnlyWhenThereAreSeveral() {
        assertThat(trials(3).describeTrials()).isEqualTo("3 pairs of 2s trials, order AB BA AB (seed 42)");

        SideBySideResult onTwoInstances = trials(4, 2);

        assertThat(onTwoInstances.instances()).isEqualTo(2);
        assertThat(onTwoInstances.describeTrials()).isEqualTo("4 pairs of 2s trials on 2 instances of each version, order AB BA | AB BA (seed 42)");
    }

    @Test
    void anInterleavedRunIsWrittenReadBackAndDescribedAsSuch() throws IOException {
        SideBySideResult blocks = trials(2);
        SideBySideResult interleaved = new SideBySideResult(blocks.reference(), blocks.candidate(), 42, "1s", blocks.trials(), true);
        Path file = ResultFiles.write(folder, ResultFilesTest.result("T.mixed").withSideBySide(interleaved));

        assertThat(ResultFiles.read(file).sideBySide().interleaved()).isTrue();
        assertThat(interleaved.describeTrials()).isEqualTo("2 pairs of 1s trials, each user's requests to A and B interleaved in an order"
                + " drawn from seed 42");
    }

    @Test
    void aFileWrittenBeforeInterleavingReadsAsTrialsOfOneVersionAtATime() throws IOException {
        Path file = ResultFiles.write(folder, ResultFilesTest.result("T.old").withSideBySide(trials(2)));
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(file.toFile());
        ((ObjectNode) tree.get("sideBySide")).remove("interleaved");
        json.writeValue(file.toFile(), tree);

        assertThat(ResultFiles.read(file).sideBySide().interleaved()).isFalse();
        assertThat(ResultFiles.read(file).sideBySide().order()).isEqualTo("AB BA");
    }

    @Test
    void aResultWithoutTrialsHasNoReferenceSide() {
        assertThatThrownBy(() -> TrialFigures.referenceResult(ResultFilesTest.result("T.plain"))).hasMessageContaining("no side-by-side trials");
    }

    /** {@code pairs} pairs, orders AB, BA, AB...; the candidate's trial of pair i has 100 (i + 1) requests of (i + 1) ms. */
    private static SideBySideResult trials(int pairs) {
        return trials(pairs, pairs);
    }

    /** As {@link #trials(int)}, {@code pairsEach} consecutive pairs on each instance. */
    private static SideBySideResult trials(int pairs, int pairsEach) {
        List<TrialResult> trials = new ArrayList<>();
        for (int pair = 0; pair < pairs; pair++) {
            int instance = pair / pairsEach;
            boolean referenceFirst = pair % 2 == 0;
            OperationResult a = figures(100, 1_000);
            OperationResult b = figures(100 * (pair + 1), 1_000 * (pair + 1));
            trials.add(new TrialResult(pair, instance, referenceFirst ? "A" : "B", 0, "2026-11-22T10:00:00Z", referenceFirst ? a : b,
                    Map.of("GET /x", referenceFirst ? a : b)));
            trials.add(new TrialResult(pair, instance, referenceFirst ? "B" : "A", 1, "2026-11-22T10:00:02Z", referenceFirst ? b : a,
                    Map.of("GET /x", referenceFirst ? b : a)));
        }
        return new SideBySideResult("Dockerfile app/Dockerfile, build args {VERSION=1.4}", "Dockerfile app/Dockerfile", 42, "2s", trials);
    }

    private static OperationResult figures(long requests, long micros) {
        Histogram histogram = new Histogram(LatencySummary.HIGHEST_TRACKABLE_MICROS, 3);
        histogram.recordValueWithCount(micros, requests);
        return new OperationResult(requests, 0, Map.of(), 0, requests / 2.0, LatencySummary.of(histogram), HistogramCodec.encode(histogram),
                List.of());
    }

}
