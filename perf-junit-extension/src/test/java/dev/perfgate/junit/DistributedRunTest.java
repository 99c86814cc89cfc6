package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.perfgate.core.result.HistogramCodec;
import dev.perfgate.core.result.LatencySummary;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.SegmentSummary;
import dev.perfgate.junit.fixture.BrokenWorkerLoad;
import dev.perfgate.junit.fixture.DistributedLoad;

/**
 * A load test spread over local worker processes end to end: real JVMs on this test's classpath, the tiny
 * app in a real container, and the server's own count of what it answered.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DistributedRunTest {

    @RegisterExtension
    final FixtureIsolation fixtures = FixtureIsolation.clearing(LoadTest.WORKERS_PROPERTY, LoadTest.ORCHESTRATOR_PROPERTY,
            LoadTest.PROGRESS_INTERVAL_PROPERTY);

    @Test
    void twoWorkersShareTheUsersAndTheirMergedResultIsWhatTheServerAnswered() throws Exception {
        DistributedLoad.served = -1;
        System.setProperty(LoadTest.PROGRESS_INTERVAL_PROPERTY, "1s");
        AtomicReference<EngineExecutionResults> results = new AtomicReference<>();

        String out = ConsoleCapture.out(() -> results.getAndSet(Fixtures.run(DistributedLoad.class)));

        assertThat(Fixtures.failures(results.get())).isEmpty();
        LoadTestResult result = assertMergedFromItsParts(fixtures.resultsDir(), DistributedLoad.ID, 2, DistributedLoad.served);
        assertThat(result.plan().users()).isEqualTo(4);
        assertThat(workersAlive()).isEmpty();
        assertThat(out).as("the coordinator's progress while the workers run")
                .containsPattern("\\[perfgate] " + Pattern.quote(DistributedLoad.ID) + " 00:0[0-2]/00:03 measured, on 2 workers");
    }

    @Test
    void aWorkerThatCannotStartFailsTheRunNamingItWithItsLog() {
        EngineExecutionResults results = Fixtures.run(BrokenWorkerLoad.class);

        assertThat(Fixtures.failures(results)).singleElement().satisfies(failure -> assertThat(failure.getMessage())
                .contains("worker 2 of 2 ended (exit 1) before it was ready").contains(BrokenWorkerLoad.FAILURE));
        assertThat(workersAlive()).isEmpty();
    }

    /**
     * Asserts that the result of {@code id} in {@code resultsDir} passed and is the lossless merge of its
     * {@code count} parts, kept beside it: requests summed and what the server answered, {@code served}
     * ({@link Fixtures#assertServedAsCounted}),
     * percentiles those of the parts' histograms added, the app's container sampled, the workers' CPU summed.
     */
    static LoadTestResult assertMergedFromItsParts(Path resultsDir, String id, int count, long served) {
        LoadTestResult result = ResultFiles.read(ResultFiles.fileOf(resultsDir, id));
        assertThat(result.status()).isEqualTo(ResultStatus.PASSED);
        assertThat(result.segment()).isNull();
        Path folder = resultsDir.resolve("parts").resolve(id);
        List<LoadTestResult> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LoadTestResult part = ResultFiles.read(ResultFiles.fileOf(folder.resolve("part-" + i), id));
            assertThat(part.segment()).isEqualTo(new SegmentSummary(i, count));
            assertThat(part.total().requests()).as("part %d", i).isPositive();
            parts.add(part);
        }
        long requests = parts.stream().mapToLong(part -> part.total().requests()).sum();
        assertThat(result.total().requests()).isEqualTo(requests);
        assertThat(result.total().errors()).isZero();
        Fixtures.assertServedAsCounted(served, requests, result.plan().users());
        Histogram together = new Histogram(LatencySummary.HIGHEST_TRACKABLE_MICROS, 3);
        parts.forEach(part -> together.add(HistogramCodec.decode(part.total().histogram())));
        assertThat(result.total().latencyMs()).isEqualTo(LatencySummary.of(together));
        assertThat(result.total().windows()).isNotEmpty().allSatisfy(window -> assertThat(window.histogram()).isNull());
        assertThat(result.resources()).as("the app container, sampled by the coordinator").isNotNull();
        assertThat(result.generator().cpuSeconds()).isEqualTo(
                parts.stream().mapToDouble(part -> part.generator().cpuSeconds()).sum(), org.assertj.core.data.Offset.offset(0.002));
        return result;
    }

    private static List<String> workersAlive() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(process -> process.info().commandLine().orElse("?"))
                .filter(command -> command.contains(LoadTestWorker.class.getName())).toList();
    }
}
