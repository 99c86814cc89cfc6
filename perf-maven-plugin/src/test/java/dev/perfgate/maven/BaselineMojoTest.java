package dev.perfgate.maven;

import static dev.perfgate.maven.MojoFixture.op;
import static dev.perfgate.maven.MojoFixture.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.maven.MojoFixture.CapturingLog;

class BaselineMojoTest {

    @TempDir
    Path dir;

    private Path results;
    private Path baselines;
    private final CapturingLog log = new CapturingLog();
    private BaselineMojo mojo;

    @BeforeEach
    void setUp() {
        results = dir.resolve("target/perf-results");
        baselines = dir.resolve("baselines");
        mojo = MojoFixture.configure(new BaselineMojo(), results, baselines, log);
    }

    private List<String> baselineFiles() throws Exception {
        if (!Files.isDirectory(baselines)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(baselines)) {
            return files.map(file -> file.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void promotesEveryResultAndLogsTheChange() throws Exception {
        ResultFiles.write(baselines, result("A.known", op(10, 20)));
        ResultFiles.write(results, result("A.known", op(12, 20)));
        ResultFiles.write(results, result("B.added", op(5, 8)));

        mojo.execute();

        for (String testId : List.of("A.known", "B.added")) {
            assertThat(ResultFiles.read(ResultFiles.fileOf(baselines, testId)))
                    .isEqualTo(ResultFiles.read(ResultFiles.fileOf(results, testId)));
        }
        assertThat(log.at("INFO")).contains("perfgate: baseline A.known", "perfgate: baseline B.added (new)")
                .anySatisfy(line -> assertThat(line).contains("p95 latency", "10.000 ms -> 12.000 ms (+20.0 %)"))
                .anySatisfy(line -> assertThat(line).contains("p95 latency", "5.000 ms").doesNotContain("->"))
                .anySatisfy(line -> assertThat(line).contains("2 baseline(s) written to " + baselines));
    }

    @Test
    void replacesABaselineItCannotReadAndSaysSo() throws Exception {
        Path old = ResultFiles.write(baselines, result("A.known", op(10, 20)));
        byte[] bytes = Files.readAllBytes(old);
        Files.write(old, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ResultFiles.write(results, result("A.known", op(12, 20)));

        mojo.execute();

        assertThat(ResultFiles.read(old)).isEqualTo(ResultFiles.read(ResultFiles.fileOf(results, "A.known")));
        assertThat(log.at("WARN")).anySatisfy(line -> assertThat(line).contains("replacing an unreadable baseline", old.toString()));
    }

    @Test
    void refusesAFailedResultAndWritesNoBaselineAtAll() throws Exception {
        ResultFiles.write(results, result("A.passes", op(10, 20)));
        ResultFiles.write(results, result("B.fails", op(10, 20)).withStatus(ResultStatus.FAILED, "no request succeeded"));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("B.fails").hasMessageContaining("FAILED (no request succeeded)")
                .hasMessageContaining("-Dperf.force");
        assertThat(baselineFiles()).isEmpty();
    }

    @Test
    void forcePromotesAFailedResult() throws Exception {
        LoadTestResult failed = result("B.fails", op(10, 20)).withStatus(ResultStatus.ABORTED, "deadline");
        ResultFiles.write(results, result("A.passes", op(10, 20)));
        ResultFiles.write(results, failed);
        MojoFixture.set(mojo, "force", true);

        mojo.execute();

        assertThat(baselineFiles()).containsExactly("A.passes.json", "B.fails.json");
        assertThat(ResultFiles.read(ResultFiles.fileOf(baselines, "B.fails"))).isEqualTo(failed);
    }

    @Test
    void overwritingABaselineLeavesNoTemporaryFiles() throws Exception {
        ResultFiles.write(baselines, result("A.known", op(10, 20)));
        LoadTestResult current = result("A.known", op(30, 40));
        ResultFiles.write(results, current);

        mojo.execute();

        assertThat(baselineFiles()).containsExactly("A.known.json");
        assertThat(ResultFiles.read(ResultFiles.fileOf(baselines, "A.known"))).isEqualTo(current);
    }

    @Test
    void noResultsIsAWarningOnly() throws Exception {
        mojo.execute();

        assertThat(log.at("WARN")).singleElement().asString().contains("no load-test results", results.toString());
        assertThat(baselineFiles()).isEmpty();
    }

    @Test
    void promotesOnlyTheTestsTheFilterNames() throws Exception {
        ResultFiles.write(results, result("Greeting.fast", op(10, 20)));
        ResultFiles.write(results, result("Greeting.slow", op(10, 20)));
        ResultFiles.write(results, result("Checkout.pay", op(10, 20)));
        MojoFixture.set(mojo, "tests", "Greeting.*, Check*pay");

        mojo.execute();

        assertThat(baselineFiles()).containsExactly("Checkout.pay.json", "Greeting.fast.json", "Greeting.slow.json");
        MojoFixture.set(mojo, "tests", "Greeting.f*");
        Files.delete(baselines.resolve("Greeting.slow.json"));
        mojo.execute();
        assertThat(baselineFiles()).doesNotContain("Greeting.slow.json");
    }

    @Test
    void aFilterMatchingNothingIsAnError() throws Exception {
        ResultFiles.write(results, result("Greeting.fast", op(10, 20)));
        MojoFixture.set(mojo, "tests", "Nope.*");

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("-Dperf.tests=Nope.*");
        assertThat(baselineFiles()).isEmpty();
    }

    @Test
    void promotesJmhResultsBesideLoadTestsAndPrintsTheChange() throws Exception {
        Path jmh = MojoFixture.jmhResultFileFor(results);
        new JmhOutput().add("com.example.ParseBenchmark.parse", "thrpt", "ops/s", JmhOutput.around(1_000))
                .add("com.example.ParseBenchmark.parse", "avgt", "us/op", JmhOutput.around(10)).writeTo(jmh);
        mojo.execute();
        new JmhOutput().add("com.example.ParseBenchmark.parse", "thrpt", "ops/s", JmhOutput.around(1_200))
                .add("com.example.ParseBenchmark.parse", "avgt", "us/op", JmhOutput.around(8)).writeTo(jmh);

        mojo.execute();

        Path file = baselines.resolve("jmh/ParseBenchmark.parse.json");
        assertThat(dev.perfgate.core.jmh.BenchmarkBaselineFiles.read(file).results()).extracting(r -> Math.round(r.score()))
                .containsExactly(1_200L, 8L);
        assertThat(log.at("INFO")).contains("perfgate: baseline ParseBenchmark.parse (new)", "perfgate: baseline ParseBenchmark.parse",
                "  thrpt  score 1,000 ops/s -> 1,200 ops/s (+20.0 %)", "  avgt   score 10.000 us/op -> 8.000 us/op (-20.0 %)");
    }
}
