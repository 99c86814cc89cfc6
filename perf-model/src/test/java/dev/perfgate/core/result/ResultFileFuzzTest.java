package dev.perfgate.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfgate.core.fuzz.DamagedFiles;

/**
 * Thousands of damaged result files: each is either still read correctly (some damage is harmless, e.g.
 * inside a string) or refused with {@link InvalidResultFileException} naming the file. No other exception,
 * and never a result of another test.
 */
class ResultFileFuzzTest {

    private static final int CASES = 1_500;

    @TempDir
    Path folder;

    @Test
    void damagedResultFilesAreReadCorrectlyOrRefusedNamingTheFile() throws IOException {
        Path valid = ResultFiles.write(folder, ResultFilesTest.result("Shop.checkout"));
        DamagedFiles.Outcomes outcomes = DamagedFiles.fuzz(valid, CASES, InvalidResultFileException.class, file -> {
            LoadTestResult read = ResultFiles.read(file);
            assertThat(read.testId()).isEqualTo("Shop.checkout");
            assertThat(read.total()).isNotNull();
        }, ResultFileFuzzTest::namesTheFile);
        assertThat(outcomes.refused()).as("most damage is refused").isGreaterThan(CASES / 2);
    }

    /** A refusal's message starts with the file's path, and the exception carries it. */
    private static void namesTheFile(Path file, InvalidResultFileException refused) {
        assertThat(refused.getMessage()).startsWith(file.toString());
        assertThat(refused.file()).isEqualTo(file);
    }
}
