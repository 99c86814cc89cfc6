package dev.perfgate.core.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.perfgate.core.result.InvalidResultFileException;

class JmhResultFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    /** Real output of JMH 1.37: one benchmark with @Param size=100, 2 forks x 3 iterations, in thrpt, avgt and sample mode. */
    static Path realOutput(Path folder) throws IOException {
        Path file = folder.resolve("jmh-result.json");
        try (InputStream in = JmhResultFileTest.class.getResourceAsStream("/jmh/three-modes.json")) {
            Files.copy(in, file);
        }
        return file;
    }

    private Path edited(Consumer<ArrayNode> edit) throws IOException {
        ArrayNode tree = (ArrayNode) JSON.readTree(realOutput(folder).toFile());
        edit.accept(tree);
        Path file = folder.resolve("edited.json");
        JSON.writeValue(file.toFile(), tree);
        return file;
    }

    @Test
    void readsEveryModeWithEveryIterationOfEveryFork() throws IOException {
        Path file = realOutput(folder);
        JsonNode raw = JSON.readTree(file.toFile());

        List<BenchmarkResult> results = JmhResultFile.read(file);

        assertThat(results).extracting(BenchmarkResult::mode)
                .containsExactly(JmhMode.THROUGHPUT, JmhMode.AVERAGE_TIME, JmhMode.SAMPLE_TIME);
        BenchmarkResult throughput = results.get(0);
        assertThat(throughput.id()).isEqualTo("SumBenchmark.sum[size=100]");
        assertThat(throughput.benchmarkClass()).isEqualTo("fix.SumBenchmark");
        assertThat(throughput.params()).isEqualTo(Map.of("size", "100"));
        assertThat(throughput.unit()).isEqualTo("ops/us");
        assertThat(throughput.forks()).isEqualTo(2);
        assertThat(throughput.jvm()).contains("17.0.15");
        JsonNode rawData = raw.get(0).get("primaryMetric").get("rawData");
        double[] expected = { rawData.get(0).get(0).asDouble(), rawData.get(0).get(1).asDouble(), rawData.get(0).get(2).asDouble(),
                rawData.get(1).get(0).asDouble(), rawData.get(1).get(1).asDouble(), rawData.get(1).get(2).asDouble() };
        assertThat(throughput.iterations()).containsExactly(expected);
        // JMH's score is the mean of the iterations; ours must be the same figure.
        assertThat(throughput.score()).isCloseTo(Arrays.stream(expected).average().orElseThrow(), within(1e-9));
    }

    @Test
    void sampleModeIterationsAreTheMeansOfTheirHistograms() throws IOException {
        Path file = realOutput(folder);
        JsonNode histogram = JSON.readTree(file.toFile()).get(2).get("primaryMetric").get("rawDataHistogram");

        BenchmarkResult sample = JmhResultFile.read(file).get(2);

        assertThat(sample.iterations()).hasSize(6);
        double sum = 0;
        double count = 0;
        for (JsonNode pair : histogram.get(1).get(2)) {
            sum += pair.get(0).asDouble() * pair.get(1).asDouble();
            count += pair.get(1).asDouble();
        }
        assertThat(sample.iterations()[5]).isCloseTo(sum / count, within(1e-12));
    }

    @Test
    void truncatedOutputNamesTheFile() throws IOException {
        String whole = Files.readString(realOutput(folder));
        Path file = folder.resolve("truncated.json");
        Files.writeString(file, whole.substring(0, whole.length() / 2), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> JmhResultFile.read(file)).isInstanceOf(InvalidResultFileException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining("not valid JSON").hasMessageContaining("truncated");
    }

    @Test
    void anUnknownModeIsNamedWithTheValidOnes() throws IOException {
        Path file = edited(tree -> ((ObjectNode) tree.get(1)).put("mode", "fast"));

        assertThatThrownBy(() -> JmhResultFile.read(file)).isInstanceOf(InvalidResultFileException.class)
                .hasMessageContaining("benchmark #2 (fix.SumBenchmark.sum)").hasMessageContaining("'fast'")
                .hasMessageContaining("thrpt, avgt, sample and ss");
    }

    @Test
    void anElementWithoutRawDataIsRefusedRatherThanComparedOnItsScoreAlone() throws IOException {
        Path file = edited(tree -> ((ObjectNode) tree.get(0).get("primaryMetric")).remove("rawData"));

        assertThatThrownBy(() -> JmhResultFile.read(file)).isInstanceOf(InvalidResultFileException.class)
                .hasMessageContaining("benchmark #1").hasMessageContaining("rawData");
    }

    @Test
    void aResultFileOfAnotherKindIsNotTakenForJmhOutput() throws IOException {
        Path file = folder.resolve("other.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"testId\": \"X.y\"}", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> JmhResultFile.read(file)).isInstanceOf(InvalidResultFileException.class)
                .hasMessageContaining("not JMH's JSON output").hasMessageContaining("-rf json");
    }
}
