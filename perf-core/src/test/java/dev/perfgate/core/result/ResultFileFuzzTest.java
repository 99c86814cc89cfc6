package dev.perfgate.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfgate.core.fuzz.Mutations;
import dev.perfgate.core.jmh.BenchmarkBaseline;
import dev.perfgate.core.jmh.BenchmarkBaselineFiles;
import dev.perfgate.core.jmh.BenchmarkResult;
import dev.perfgate.core.jmh.JmhResultFile;

/**
 * Thousands of damaged result, baseline and JMH files: each is either still read correctly (some
 * damage is harmless, e.g. inside a string) or refused with {@link InvalidResultFileException}
 * naming the file. No other exception, and never a result of another test.
 */
class ResultFileFuzzTest {

    private static final int CASES = 1_500;

    @TempDir
    Path folder;

    @Test
    void damagedResultFilesAreReadCorrectlyOrRefusedNamingTheFile() throws IOException {
        Path valid = ResultFiles.write(folder, ResultFilesTest.result("Shop.checkout"));
        Outcomes outcomes = fuzz(valid, file -> {
            LoadTestResult read = ResultFiles.read(file);
            assertThat(read.testId()).isEqualTo("Shop.checkout");
            assertThat(read.total()).isNotNull();
            return read;
        });
        assertThat(outcomes.refused).as("most damage is refused").isGreaterThan(CASES / 2);
    }

    @Test
    void damagedJmhOutputIsReadCorrectlyOrRefusedNamingTheFile() throws IOException {
        Path valid = folder.resolve("jmh-result.json");
        try (var in = getClass().getResourceAsStream("/jmh/three-modes.json")) {
            Files.copy(in, valid);
        }
        Outcomes outcomes = fuzz(valid, file -> {
            List<BenchmarkResult> read = JmhResultFile.read(file);
            read.forEach(result -> assertThat(result.iterations()).isNotEmpty());
            return read;
        });
        assertThat(outcomes.refused).isGreaterThan(CASES / 4);
    }

    @Test
    void damagedBenchmarkBaselinesAreReadCorrectlyOrRefusedNamingTheFile() throws IOException {
        Path jmh = folder.resolve("jmh-result.json");
        try (var in = getClass().getResourceAsStream("/jmh/three-modes.json")) {
            Files.copy(in, jmh);
        }
        List<BenchmarkResult> results = JmhResultFile.read(jmh);
        Path valid = BenchmarkBaselineFiles.write(folder.resolve("baselines"),
                new BenchmarkBaseline(results.get(0).id(), java.time.Instant.now(), null, results));
        Outcomes outcomes = fuzz(valid, file -> {
            BenchmarkBaseline read = BenchmarkBaselineFiles.read(file);
            assertThat(read.id()).isEqualTo(results.get(0).id());
            return read;
        });
        assertThat(outcomes.refused).isGreaterThan(CASES / 4);
    }

    private Outcomes fuzz(Path valid, Function<Path, Object> reader) throws IOException {
        byte[] original = Files.readAllBytes(valid);
        Random random = new Random(20261122L); // fixed: a failure can be replayed
        Outcomes outcomes = new Outcomes();
        Path file = valid.resolveSibling(valid.getFileName()); // same name: the file's name is part of what is checked
        for (int i = 0; i < CASES; i++) {
            byte[] damaged = Mutations.mutate(original, random);
            Files.write(file, damaged);
            try {
                reader.apply(file);
                outcomes.read++;
            } catch (InvalidResultFileException refused) {
                assertThat(refused.getMessage()).as("case %d", i).startsWith(file.toString());
                assertThat(refused.file()).isEqualTo(file);
                outcomes.refused++;
            } catch (RuntimeException | AssertionError other) {
                throw new AssertionError("case " + i + ": damaged file neither read nor refused cleanly:\n"
                        + new String(damaged, java.nio.charset.StandardCharsets.ISO_8859_1), other);
            }
        }
        Files.write(file, original);
        return outcomes;
    }

    private static final class Outcomes {
        int read;
        int refused;
    }
}
