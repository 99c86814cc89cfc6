package dev.perfgate.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ResultFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    static OperationResult operation(long requests, long errors, double p95) {
        Histogram histogram = new Histogram(1, 3_600_000_000L, 3);
        histogram.recordValue(1_234);
        return new OperationResult(requests, errors, errors == 0 ? Map.of() : Map.of("http_5xx", errors),
                requests == 0 ? 0 : (double) errors / requests, requests / 10.0,
                new LatencySummary(p95 / 2, p95 * 0.9, p95, p95 * 1.5, p95 * 2, p95 / 2),
                HistogramCodec.encode(histogram));
    }

    static LoadTestResult result(String testId) {
        return new LoadTestResult(LoadTestResult.SCHEMA_VERSION, testId, ResultStatus.PASSED, null,
                "2024-06-01T10:15:30Z",
                new PlanSummary("closed", 4, "2s", "10s", "5s", "0s"),
                new RunEnvironment(8, "Test CPU", "Test JVM 17", "Linux 6 amd64", null, null),
                operation(1_500, 3, 12.5),
                Map.of("GET /a", operation(1_000, 3, 10.0), "POST /b", operation(500, 0, 15.0)));
    }

    private Path writeRaw(String fileName, String content) throws IOException {
        Path file = folder.resolve(fileName);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** A valid file of {@code result(testId)} whose JSON tree {@code edit} changed, written as {@code fileName}. */
    private Path writeEdited(String fileName, String testId, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(Files.readAllBytes(ResultFiles.write(folder, result(testId))));
        edit.accept(tree);
        return writeRaw(fileName, JSON.writeValueAsString(tree));
    }

    private static AbstractThrowableAssert<?, ?> assertRejected(Path file) {
        return assertThatThrownBy(() -> ResultFiles.read(file))
                .isInstanceOf(InvalidResultFileException.class)
                .hasMessageContaining(file.toString())
                .satisfies(e -> assertThat(((InvalidResultFileException) e).file()).isEqualTo(file));
    }

    @Test
    void writeThenReadReturnsAnEqualResult() throws IOException {
        LoadTestResult written = result("GreetingIT.greet");

        Path file = ResultFiles.write(folder, written);

        assertThat(file).isEqualTo(folder.resolve("GreetingIT.greet.json")).isRegularFile();
        assertThat(ResultFiles.read(file)).isEqualTo(written);
    }

    @Test
    void writeCreatesMissingFoldersAndReplacesAnExistingFile() throws IOException {
        Path nested = folder.resolve("a/b");
        ResultFiles.write(nested, result("T.x"));
        LoadTestResult second = result("T.x").withStatus(ResultStatus.FAILED, "no request succeeded");

        Path file = ResultFiles.write(nested, second);

        assertThat(ResultFiles.read(file)).isEqualTo(second);
    }

    @Test
    void writeLeavesNoTemporaryFilesBehind() throws IOException {
        ResultFiles.write(folder, result("T.one"));
        ResultFiles.write(folder, result("T.two"));
        ResultFiles.write(folder, result("T.one"));

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("T.one.json", "T.two.json");
        }
    }

    @Test
    void failedWriteLeavesNoTemporaryFileBehind() throws IOException {
        // The target name is taken by a non-empty folder, so the final rename must fail.
        Path blocker = Files.createDirectories(folder.resolve("T.blocked.json"));
        Files.writeString(blocker.resolve("keep"), "x");

        assertThatThrownBy(() -> ResultFiles.write(folder, result("T.blocked"))).isInstanceOf(IOException.class);

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(blocker);
        }
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows refuses to replace a file another thread has open")
    void readerNeverSeesAPartlyWrittenFile() throws Exception {
        LoadTestResult first = result("T.busy");
        LoadTestResult second = first.withStatus(ResultStatus.FAILED, "x".repeat(20_000));
        Path file = ResultFiles.write(folder, first);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<Throwable> readFailure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (writing.get() && readFailure.get() == null) {
                try {
                    assertThat(ResultFiles.read(file)).isIn(first, second);
                    reads.incrementAndGet();
                } catch (Throwable t) {
                    readFailure.set(t);
                }
            }
        });
        reader.start();
        try {
            // Rewrite for about a second (at most 2,000 times), alternating the content.
            long deadline = System.nanoTime() + 1_000_000_000L;
            for (int i = 0; i < 2_000 && readFailure.get() == null && System.nanoTime() < deadline; i++) {
                ResultFiles.write(folder, i % 2 == 0 ? second : first);
            }
        } finally {
            writing.set(false);
            reader.join(10_000);
        }

        assertThat(readFailure.get()).isNull();
        assertThat(reads.get()).isPositive();
    }

    @Test
    void rejectsTruncatedFile() throws IOException {
        Path file = ResultFiles.write(folder, result("T.cut"));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertRejected(file).hasMessageContaining("truncated");
    }

    @Test
    void rejectsEmptyFile() throws IOException {
        assertRejected(writeRaw("T.empty.json", ""));
    }

    @Test
    void rejectsWhitespaceOnlyFile() throws IOException {
        assertRejected(writeRaw("T.blank.json", "  \n"));
    }

    @Test
    void rejectsJsonThatIsNotAnObject() throws IOException {
        assertRejected(writeRaw("T.array.json", "[1, 2, 3]"));
        assertRejected(writeRaw("T.string.json", "\"T.string\""));
        assertRejected(writeRaw("T.null.json", "null"));
    }

    @Test
    void rejectsFileWithoutSchemaVersion() throws IOException {
        Path file = writeEdited("T.v.json", "T.v", tree -> tree.remove("schemaVersion"));

        assertRejected(file).hasMessageContaining("schemaVersion");
    }

    @Test
    void rejectsOtherSchemaVersion() throws IOException {
        Path file = writeEdited("T.v2.json", "T.v2", tree -> tree.put("schemaVersion", 2));

        assertRejected(file).hasMessageContaining("schemaVersion 2");
    }

    @Test
    void rejectsFileNamedForAnotherTest() throws IOException {
        Path file = writeEdited("T.renamed.json", "T.original", tree -> { });

        assertRejected(file).hasMessageContaining("T.original").hasMessageContaining("T.renamed");
    }

    @Test
    void rejectsFileWithoutTotal() throws IOException {
        Path file = writeEdited("T.nototal.json", "T.nototal", tree -> tree.remove("total"));

        assertRejected(file).hasMessageContaining("total");
    }

    @Test
    void rejectsFileWithNullTotal() throws IOException {
        Path file = writeEdited("T.nulltotal.json", "T.nulltotal", tree -> tree.putNull("total"));

        assertRejected(file).hasMessageContaining("total");
    }

    @Test
    void rejectsFileWithoutTestId() throws IOException {
        Path file = writeEdited("T.noid.json", "T.noid", tree -> tree.remove("testId"));

        assertRejected(file);
    }

    @Test
    void rejectsOperationWithoutLatencies() throws IOException {
        Path file = writeEdited("T.op.json", "T.op",
                tree -> ((ObjectNode) tree.get("operations").get("GET /a")).putNull("latencyMs"));

        assertRejected(file).hasMessageContaining("GET /a");
    }

    @Test
    void rejectsMissingFile() {
        assertRejected(folder.resolve("T.absent.json"));
    }

    @Test
    void readsFileWithUnknownExtraFields() throws IOException {
        Path file = writeEdited("T.extra.json", "T.extra", tree -> tree.put("addedLater", "ignored"));

        assertThat(ResultFiles.read(file)).isEqualTo(result("T.extra"));
    }

    @Test
    void listReturnsJsonFilesSortedByName() throws IOException {
        ResultFiles.write(folder, result("b"));
        ResultFiles.write(folder, result("c"));
        ResultFiles.write(folder, result("a"));
        writeRaw("notes.txt", "not a result");
        Files.createDirectories(folder.resolve("sub"));

        assertThat(ResultFiles.list(folder)).containsExactly(
                folder.resolve("a.json"), folder.resolve("b.json"), folder.resolve("c.json"));
    }

    @Test
    void listOfMissingFolderIsEmpty() throws IOException {
        assertThat(ResultFiles.list(folder.resolve("does-not-exist"))).isEmpty();
    }

    @Test
    void fileOfIsTestIdWithJsonSuffixInFolder() {
        assertThat(ResultFiles.fileOf(folder, "GreetingIT.greet")).isEqualTo(folder.resolve("GreetingIT.greet.json"));
    }

    @Test
    void readsAFileWrittenBeforeWindowsWereRecordedAsHavingNone() throws IOException {
        Path file = writeEdited("T.old.json", "T.old", tree -> {
            ((ObjectNode) tree.get("total")).remove("windows");
            tree.get("operations").forEach(operation -> ((ObjectNode) operation).remove("windows"));
        });

        LoadTestResult read = ResultFiles.read(file);

        assertThat(read.total().windows()).isEmpty();
        assertThat(read.operations()).allSatisfy((name, operation) -> assertThat(operation.windows()).isEmpty());
    }

    @Test
    void keepsWindowsThroughAWriteAndRead() throws IOException {
        OperationResult withWindows = new OperationResult(10, 0, Map.of(), 0, 1, new LatencySummary(1, 1, 1, 1, 1, 1), "",
                java.util.List.of(new WindowResult(4, 0, 4.0, 1, 2, 3), new WindowResult(6, 1, 6.0, 1.5, 2.5, 3.5)));
        LoadTestResult result = new LoadTestResult(LoadTestResult.SCHEMA_VERSION, "T.win", ResultStatus.PASSED, null,
                "2024-06-01T10:15:30Z", result("T.win").plan(), result("T.win").environment(), withWindows, Map.of("op", withWindows));

        assertThat(ResultFiles.read(ResultFiles.write(folder, result))).isEqualTo(result);
    }

    @Test
    void keepsTheSloChecksAndGradeThroughAWriteAndRead() throws IOException {
        LoadTestResult plain = result("T.slo");
        dev.perfgate.core.slo.SloReport slo = dev.perfgate.core.result.SloJudge.judge(java.util.List.of(
                dev.perfgate.core.slo.SloThreshold.parse("GET /a", dev.perfgate.core.slo.SloMetric.P95, "20ms", "test")), plain);
        LoadTestResult withSlo = plain.withSlo(slo);

        LoadTestResult back = ResultFiles.read(ResultFiles.write(folder, withSlo));

        assertThat(back).isEqualTo(withSlo);
        assertThat(back.slo().grade()).isEqualTo(slo.grade());
        assertThat(ResultFiles.read(ResultFiles.write(folder, result("T.none"))).slo()).as("no SLOs declared").isNull();
    }

    @Test
    void keepsTheTestClassThroughAWriteAndReadAndReadsOlderFilesWithoutIt() throws IOException {
        LoadTestResult withClass = result("T.cls").withTestClass("com.example.shop.T");

        LoadTestResult back = ResultFiles.read(ResultFiles.write(folder, withClass));

        assertThat(back.testClass()).isEqualTo("com.example.shop.T");
        assertThat(back.withStatus(ResultStatus.FAILED, "x").withSlo(null).testClass()).as("kept by the copies").isEqualTo("com.example.shop.T");
        assertThat(ResultFiles.testClassOf(folder.resolve("T.cls.json"))).isEqualTo("com.example.shop.T");
        Path old = writeEdited("T.nocls.json", "T.nocls", tree -> tree.remove("testClass"));
        assertThat(ResultFiles.read(old).testClass()).isNull();
        assertThat(ResultFiles.testClassOf(old)).isNull();
    }

    @Test
    void keepsTheResourceFiguresThroughAWriteAndReadAndReadsOlderFilesWithoutThem() throws IOException {
        ResourceResult resources = ResourceResult.of(List.of(
                new ResourceResult.ResourceSample(0.4, null, 80.0),
                new ResourceResult.ResourceSample(1.4, 55.5, 82.25),
                new ResourceResult.ResourceSample(2.4, 120.0, 81.0)), 512.0);
        LoadTestResult withResources = result("T.res").withResources(resources);

        LoadTestResult back = ResultFiles.read(ResultFiles.write(folder, withResources));

        assertThat(back).isEqualTo(withResources);
        assertThat(back.resources().series()).hasSize(3);
        assertThat(back.resources().series().get(0).cpuPercent()).isNull();
        assertThat(back.withStatus(ResultStatus.FAILED, "x").withSlo(null).resources()).as("kept by the copies").isEqualTo(resources);
        Path old = writeEdited("T.nores.json", "T.nores", tree -> tree.remove("resources"));
        assertThat(ResultFiles.read(old).resources()).isNull();
    }

        @Test
    void readsAFileWrittenBeforeTheOpenModelAsAClosedPlanWithoutIterationFigures() throws IOException {
        Path file = writeEdited("T.old.json", "T.old", tree -> {
            tree.remove("iterations");
            ((ObjectNode) tree.get("plan")).remove("arrivals");
            ((ObjectNode) tree.get("plan")).remove("maxInFlight");
            ((ObjectNode) tree.get("plan")).remove("iterationsPerUser");
        });

        LoadTestResult read = ResultFiles.read(file);

        assertThat(read.iterations()).isNull();
        assertThat(read.plan().open()).isFalse();
        assertThat(read.plan().arrivals()).isEmpty();
        assertThat(read.plan().maxInFlight()).isZero();
        assertThat(read.plan().iterationsPerUser()).isZero();
        assertThat(read.plan().users()).isEqualTo(4);
    }

    @Test
    void keepsAClosedPlansThinkTimeDistributionAndSessionLimit() throws IOException {
        PlanSummary closed = new PlanSummary("closed", 4, "2s", "10s", "5s", "50ms to 150ms", List.of(), 0, 20);
        LoadTestResult base = result("T.closed");
        LoadTestResult result = new LoadTestResult(LoadTestResult.SCHEMA_VERSION, "T.closed", ResultStatus.PASSED, null,
                base.startedAt(), closed, base.environment(), base.total(), base.operations());

        LoadTestResult read = ResultFiles.read(ResultFiles.write(folder, result));

        assertThat(read).isEqualTo(result);
        assertThat(read.plan().thinkTime()).isEqualTo("50ms to 150ms");
        assertThat(read.plan().iterationsPerUser()).isEqualTo(20);
        assertThat(ResultSummary.of(read)).contains("4 users thinking 50ms to 150ms for 20 iterations each");
    }

    @Test
    void oneUserIsSaidInTheSingular() {
        LoadTestResult base = result("T.one");
        LoadTestResult one = new LoadTestResult(LoadTestResult.SCHEMA_VERSION, "T.one", ResultStatus.PASSED, null, base.startedAt(),
                new PlanSummary("closed", 1, "2s", "10s", "5s", "0s"),
                base.environment(), base.total(), base.operations());

        assertThat(ResultSummary.of(one)).startsWith("T.one PASSED: 1 user, 10s (warm-up 2s): ");
    }

    @Test
    void keepsAnOpenPlanAndItsIterationFiguresThroughAWriteAndRead() throws IOException {
        PlanSummary open = new PlanSummary("open", 0, "0s", "15s", "5s", "0s",
                List.of(new PlanSummary.ArrivalStage(200, 200, "10s"), new PlanSummary.ArrivalStage(200, 400, "5s")), 50, 0);
        LoadTestResult base = result("T.open");
        LoadTestResult result = new LoadTestResult(LoadTestResult.SCHEMA_VERSION, "T.open", ResultStatus.PASSED, null,
                base.startedAt(), open, base.environment(), new IterationResult(4_480, 4_500, 20, 298.67, 300),
                base.total(), base.operations(), null);

        Path file = ResultFiles.write(folder, result);
        LoadTestResult read = ResultFiles.read(file);

        assertThat(read).isEqualTo(result);
        assertThat(read.plan().open()).isTrue();
        assertThat(read.plan().duration()).isEqualTo("15s");
        assertThat(read.plan().arrivals()).containsExactly(new PlanSummary.ArrivalStage(200, 200, "10s"),
                new PlanSummary.ArrivalStage(200, 400, "5s"));
        ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
        assertThat(json.get("iterations").get("dropped").asLong()).isEqualTo(20);
        assertThat(json.get("plan").get("maxInFlight").asInt()).isEqualTo(50);
        assertThat(json.get("plan").has("open")).as("derived accessors are not written").isFalse();
        assertThat(ResultSummary.of(read)).contains("open 200/s, then 200/s to 400/s (at most 50 in flight)")
                .contains("20 of 4500 arrivals dropped");
    }
}
