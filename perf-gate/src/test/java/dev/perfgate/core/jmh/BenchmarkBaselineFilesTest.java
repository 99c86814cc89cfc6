package dev.perfgate.core.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.perfgate.core.result.InvalidResultFileException;
import dev.perfgate.core.result.RunEnvironment;

class BenchmarkBaselineFilesTest {

    @TempDir
    Path folder;

    private BenchmarkBaseline baseline() throws IOException {
        List<BenchmarkResult> results = JmhResultFile.read(JmhResultFileTest.realOutput(folder));
        return new BenchmarkBaseline(results.get(0).id(), Instant.parse("2026-11-22T10:15:30Z"),
                new RunEnvironment(2, "Test CPU", "Test JVM 17", "Linux", null, "abc123"), results);
    }

    @Test
    void aWrittenBaselineReadsBackWithEveryIteration() throws IOException {
        BenchmarkBaseline written = baseline();
        Path baselines = folder.resolve("baselines");

        Path file = BenchmarkBaselineFiles.write(baselines, written);
        BenchmarkBaseline back = BenchmarkBaselineFiles.read(file);

        assertThat(file).isEqualTo(baselines.resolve("jmh").resolve("SumBenchmark.sum[size=100].json"));
        assertThat(BenchmarkBaselineFiles.list(baselines)).containsExactly(file);
        assertThat(back.id()).isEqualTo(written.id());
        assertThat(back.recordedAt()).isEqualTo(written.recordedAt());
        assertThat(back.environment()).isEqualTo(written.environment());
        assertThat(back.results()).isEqualTo(written.results());
    }

    @Test
    void aBaselineNamedForAnotherBenchmarkIsRefused() throws IOException {
        Path file = BenchmarkBaselineFiles.write(folder, baseline());
        Path renamed = Files.move(file, file.resolveSibling("Other.bench.json"));

        assertThatThrownBy(() -> BenchmarkBaselineFiles.read(renamed)).isInstanceOf(InvalidResultFileException.class)
                .hasMessageStartingWith(renamed.toString()).hasMessageContaining("holds benchmark 'SumBenchmark.sum[size=100]'");
    }

    @Test
    void anotherSchemaVersionIsRefusedWithWhatToDo() throws IOException {
        Path file = BenchmarkBaselineFiles.write(folder, baseline());
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(file.toFile());
        tree.put("schemaVersion", 99);
        json.writeValue(file.toFile(), tree);

        assertThatThrownBy(() -> BenchmarkBaselineFiles.read(file)).isInstanceOf(InvalidResultFileException.class)
                .hasMessageContaining("schemaVersion 99").hasMessageContaining("mvn perf:baseline");
    }

    @Test
    void rawJmhOutputInTheBaselineFolderIsNotTakenForABaseline() throws IOException {
        Path file = Files.copy(JmhResultFileTest.realOutput(folder), folder.resolve("SumBenchmark.sum[size=100].json"));

        assertThatThrownBy(() -> BenchmarkBaselineFiles.read(file)).isInstanceOf(InvalidResultFileException.class)
                .hasMessageContaining("not a perfgate benchmark baseline");
    }
}
