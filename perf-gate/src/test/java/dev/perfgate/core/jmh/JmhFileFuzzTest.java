package dev.perfgate.core.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfgate.core.fuzz.DamagedFiles;
import dev.perfgate.core.result.InvalidResultFileException;

/**
 * Thousands of damaged JMH outputs and benchmark baselines: each is either still read correctly or refused
 * with {@link InvalidResultFileException} naming the file. No other exception.
 */
class JmhFileFuzzTest {

    private static final int CASES = 1_500;

    @TempDir
    Path folder;

    @Test
    void damagedJmhOutputIsReadCorrectlyOrRefusedNamingTheFile() throws IOException {
        Path valid = jmhOutput();
        DamagedFiles.Outcomes outcomes = DamagedFiles.fuzz(valid, CASES, InvalidResultFileException.class,
                file -> JmhResultFile.read(file).forEach(result -> assertThat(result.iterations()).isNotEmpty()),
                JmhFileFuzzTest::namesTheFile);
        assertThat(outcomes.refused()).isGreaterThan(CASES / 4);
    }

    @Test
    void damagedBenchmarkBaselinesAreReadCorrectlyOrRefusedNamingTheFile() throws IOException {
        List<BenchmarkResult> results = JmhResultFile.read(jmhOutput());
        Path valid = BenchmarkBaselineFiles.write(folder.resolve("baselines"),
                new BenchmarkBaseline(results.get(0).id(), Instant.now(), null, results));
        DamagedFiles.Outcomes outcomes = DamagedFiles.fuzz(valid, CASES, InvalidResultFileException.class,
                file -> assertThat(BenchmarkBaselineFiles.read(file).id()).isEqualTo(results.get(0).id()),
                JmhFileFuzzTest::namesTheFile);
        assertThat(outcomes.refused()).isGreaterThan(CASES / 4);
    }

    private Path jmhOutput() throws IOException {
        Path file = folder.resolve("jmh-result.json");
        try (var in = getClass().getResourceAsStream("/jmh/three-modes.json")) {
            Files.copy(in, file);
        }
        return file;
    }

    private static void namesTheFile(Path file, InvalidResultFileException refused) {
        assertThat(refused.getMessage()).startsWith(file.toString());
        assertThat(refused.file()).isEqualTo(file);
    }
}
