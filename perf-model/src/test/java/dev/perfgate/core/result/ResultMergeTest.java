package dev.perfgate.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of a distributed run added up: exactly what one run of all their requests would have measured. */
class ResultMergeTest {

    private static final int WINDOWS = 4;

    @TempDir
    Path folder;

    /** Latencies of one part, in microseconds: each part its own spread, so that merging changes the percentiles. */
    private static long[] latencies(int part, int count) {
        SplittableRandom random = new SplittableRandom(part);
        long[] micros = new long[count];
        for (int i = 0; i < count; i++) {
            micros[i] = 500 + random.nextLong(1_000L * (part + 1) * (part + 1));
        }
        return micros;
    }

    private static Histogram fine(long[] micros, int from, int to) {
        Histogram histogram = new Histogram(LatencySummary.HIGHEST_TRACKABLE_MICROS, 3);
        for (int i = from; i < to; i++) {
            histogram.recordValue(micros[i]);
        }
        return histogram;
    }

    private static Histogram coarse(long[] micros, int from, int to) {
        Histogram histogram = new Histogram(2);
        for (int i = from; i < to; i++) {
            histogram.recordValue(micros[i]);
        }
        return histogram;
    }

    /**
     * Part {@code index} of {@code count}: {@code micros} successful requests and {@code errors} failed ones over
     * 8 measured seconds (2 s each window), one second of warm-up; its windows and seconds keep their histograms.
     */
    static LoadTestResult part(int index, int count, long[] micros, long errors) {
        int n = micros.length;
        List<WindowResult> windows = new ArrayList<>();
        for (int w = 0; w < WINDOWS; w++) {
            int from = n * w / WINDOWS;
            int to = n * (w + 1) / WINDOWS;
            long windowErrors = w == 0 ? errors : 0;
            windows.add(WindowResult.of(coarse(micros, from, to), to - from + windowErrors, windowErrors, 2)
                    .withHistogram(coarse(micros, from, to)));
        }
        List<SecondFigures> seconds = new ArrayList<>();
        seconds.add(new SecondFigures(-1, true, 3, 0, 1, 1, 1, 2, HistogramCodec.encode(coarse(new long[] {900, 900, 900}, 0, 3))));
        for (int s = 0; s < 8; s++) {
            int from = n * s / 8;
            int to = n * (s + 1) / 8;
            Histogram second = coarse(micros, from, to);
            seconds.add(new SecondFigures(s, false, to - from, 0, second.getValueAtPercentile(50) / 1000.0,
                    second.getValueAtPercentile(95) / 1000.0, second.getValueAtPercentile(99) / 1000.0, 2,
                    HistogramCodec.encode(second)));
        }
        Map<String, Long> byKind = errors == 0 ? Map.of() : Map.of("timeout", errors);
        OperationResult figures = OperationResult.of(fine(micros, 0, n), n + errors, errors, byKind,
                errors == 0 ? null : "check failed on 'search' in part " + index, windows, 8);
        return new LoadTestResult(LoadTestResult.SCHEMA_VERSION, "SearchLoadIT.search", ResultStatus.PASSED, null,
                "2026-12-06T10:00:0" + index + "Z", new PlanSummary("closed", 8, "1s", "8s", "5s", "0s"),
                new RunEnvironment(2, "Test CPU", "Test JVM 17", "Linux 6 amd64", null, null),
                new IterationResult(n + errors, n + errors, 0, (n + errors) / 8.0, (n + errors) / 8.0), figures,
                Map.of("search", figures), null, null, seconds, null, null, null, "com.example.SearchLoadIT",
                GeneratorResult.of(400_000_000L, 8, n + errors, 2), new SegmentSummary(index, count));
    }

    private static List<LoadTestResult> parts(int count, int requestsEach) {
        List<LoadTestResult> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(part(i, count, latencies(i, requestsEach + i * 7), i == 1 ? 5 : 0));
        }
        return parts;
    }

    @Test
    void theMergedPercentilesAreThoseOfAllTheRequestsTogether() {
        long[][] each = {latencies(0, 400), latencies(1, 407), latencies(2, 414)};
        List<LoadTestResult> parts = List.of(part(2, 3, each[2], 0), part(0, 3, each[0], 0), part(1, 3, each[1], 5));
        Histogram all = new Histogram(LatencySummary.HIGHEST_TRACKABLE_MICROS, 3);
        for (long[] micros : each) {
            all.add(fine(micros, 0, micros.length));
        }

        LoadTestResult whole = ResultMerge.of(parts);

        assertThat(whole.segment()).isNull();
        assertThat(whole.total().requests()).isEqualTo(400 + 407 + 414 + 5);
        assertThat(whole.total().errors()).isEqualTo(5);
        assertThat(whole.total().errorsByKind()).containsExactly(Map.entry("timeout", 5L));
        assertThat(whole.total().latencyMs()).isEqualTo(LatencySummary.of(all));
        assertThat(HistogramCodec.decode(whole.total().histogram())).isEqualTo(all);
        assertThat(whole.operations().get("search").latencyMs()).isEqualTo(LatencySummary.of(all));
        assertThat(whole.total().checkFailure()).isEqualTo("check failed on 'search' in part 1");
        assertThat(whole.total().throughputPerSecond())
                .isEqualTo(parts.stream().mapToDouble(p -> p.total().throughputPerSecond()).sum(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(whole.iterations().started()).isEqualTo(400 + 407 + 414 + 5);
        assertThat(whole.startedAt()).isEqualTo("2026-12-06T10:00:00Z");
        assertThat(whole.testClass()).isEqualTo("com.example.SearchLoadIT");
        assertThat(whole.generator().cpuSeconds()).isEqualTo(1.2);
        assertThat(whole.generator().cores()).isEqualTo(2);
    }

    @Test
    void windowsAndSecondsAreMergedOneByOneFromTheHistogramsThePartsKept() {
        long[][] each = {latencies(0, 400), latencies(3, 400)};
        LoadTestResult whole = ResultMerge.of(List.of(part(0, 2, each[0], 0), part(1, 2, each[1], 0)));

        List<WindowResult> windows = whole.total().windows();
        assertThat(windows).hasSize(WINDOWS);
        for (int w = 0; w < WINDOWS; w++) {
            Histogram together = coarse(each[0], 100 * w, 100 * (w + 1));
            together.add(coarse(each[1], 100 * w, 100 * (w + 1)));
            assertThat(windows.get(w).requests()).isEqualTo(200);
            assertThat(windows.get(w).p95()).isEqualTo(together.getValueAtPercentile(95) / 1000.0);
            assertThat(windows.get(w).p50()).isEqualTo(together.getValueAtPercentile(50) / 1000.0);
            assertThat(windows.get(w).histogram()).as("the gate's result keeps no part's histograms").isNull();
        }
        assertThat(whole.timeSeries()).extracting(SecondFigures::second).containsExactly(-1, 0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(whole.timeSeries().get(0).warmUp()).isTrue();
        assertThat(whole.timeSeries().get(0).requests()).isEqualTo(6);
        assertThat(whole.timeSeries().get(0).active()).isEqualTo(4);
        Histogram third = coarse(each[0], 100, 150);
        third.add(coarse(each[1], 100, 150));
        assertThat(whole.timeSeries().get(3).requests()).isEqualTo(100);
        assertThat(whole.timeSeries().get(3).p99()).isEqualTo(third.getValueAtPercentile(99) / 1000.0);
    }

    @Test
    void theWorstStatusWinsAndEveryPartsReasonIsNamed() {
        List<LoadTestResult> parts = new ArrayList<>(parts(3, 100));
        parts.set(1, parts.get(1).withStatus(ResultStatus.FAILED, "no request succeeded"));
        parts.set(2, parts.get(2).withStatus(ResultStatus.ABORTED, "2 virtual user(s) were still busy"));

        LoadTestResult whole = ResultMerge.of(parts);

        assertThat(whole.status()).isEqualTo(ResultStatus.ABORTED);
        assertThat(whole.statusReason()).isEqualTo("part 2 of 3: no request succeeded; part 3 of 3: 2 virtual user(s) were still busy");
    }

    @Test
    void aMissingOrRepeatedPartIsRefused() {
        List<LoadTestResult> three = parts(3, 100);

        assertThatThrownBy(() -> ResultMerge.of(three.subList(0, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("are 2 of 3 parts");
        assertThatThrownBy(() -> ResultMerge.of(List.of(three.get(0), three.get(1), three.get(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("part 2 of 3").hasMessageContaining("twice");
        assertThatThrownBy(() -> ResultMerge.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none given");
    }

    @Test
    void partsOfAnotherTestOrAWholeRunAreRefused() {
        List<LoadTestResult> two = parts(2, 100);
        LoadTestResult whole = two.get(1).withSegment(null);
        LoadTestResult other = two.get(1);

        assertThatThrownBy(() -> ResultMerge.of(List.of(two.get(0), whole)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a whole run");
        LoadTestResult renamed = new LoadTestResult(1, "OtherIT.other", ResultStatus.PASSED, null, other.startedAt(), other.plan(),
                other.environment(), other.iterations(), other.total(), other.operations(), null, null, other.timeSeries(),
                null, null, null, null, null, new SegmentSummary(1, 2));
        assertThatThrownBy(() -> ResultMerge.of(List.of(two.get(0), renamed)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OtherIT.other").hasMessageContaining("share");
    }

    @Test
    void aPartWithoutItsWindowHistogramsIsRefusedNamingTheWindow() {
        List<LoadTestResult> two = parts(2, 100);
        LoadTestResult part = two.get(1);
        List<WindowResult> bare = part.total().windows().stream()
                .map(w -> new WindowResult(w.requests(), w.errors(), w.throughputPerSecond(), w.p50(), w.p95(), w.p99())).toList();
        OperationResult total = new OperationResult(part.total().requests(), part.total().errors(), part.total().errorsByKind(),
                part.total().errorRate(), part.total().throughputPerSecond(), part.total().latencyMs(), part.total().histogram(), bare);
        LoadTestResult withoutWindows = new LoadTestResult(1, part.testId(), part.status(), null, part.startedAt(), part.plan(),
                part.environment(), part.iterations(), total, Map.of(), null, null, part.timeSeries(), null, null, null,
                part.testClass(), part.generator(), part.segment());

        assertThatThrownBy(() -> ResultMerge.of(List.of(two.get(0), withoutWindows)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window 1 of '(total)'");
    }

    @Test
    void aPartsFileKeepsItsHistogramsAndAWholeRunsFileHasNone() throws IOException {
        LoadTestResult part = parts(2, 100).get(1);

        Path partFile = ResultFiles.write(folder.resolve("part"), part);
        LoadTestResult read = ResultFiles.read(partFile);
        Path wholeFile = ResultFiles.write(folder.resolve("whole"), ResultMerge.of(parts(2, 100)));

        assertThat(read).isEqualTo(part);
        assertThat(read.segment()).isEqualTo(new SegmentSummary(1, 2));
        assertThat(Files.readString(wholeFile)).doesNotContain("\"segment\"").doesNotContain("\"histogram\" : null");
        assertThat(ResultFiles.read(wholeFile).segment()).isNull();
    }

    @Test
    void aSegmentOutsideItsRunIsRefused() {
        assertThatThrownBy(() -> new SegmentSummary(2, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("part 2 of 2");
        assertThatThrownBy(() -> new SegmentSummary(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
