package dev.perfgate.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorResultTest {

    @TempDir
    Path folder;

    @Test
    void theCpuTimeOfAPhaseIsSaidInCoresAndPerRequest() {
        GeneratorResult cost = GeneratorResult.of(2_100_000_000L, 10.0, 42_000, 2);

        assertThat(cost.cpuSeconds()).isEqualTo(2.1);
        assertThat(cost.coresUsed()).isEqualTo(0.21);
        assertThat(cost.cpuMicrosPerRequest()).isEqualTo(50.0);
        assertThat(cost.describe()).isEqualTo("load generator: CPU 0.21 of 2 cores, 50.0 us per request");
        assertThat(GeneratorResult.of(800_000_000L, 1.0, 50_000, 1).figures()).isEqualTo("0.80 of 1 core, 16.0 us per request");
    }

    @Test
    void aPhaseThatDidNotLastOrAnUnreadableClockHasNoCostAndNoRequestCostsNothingEach() {
        assertThat(GeneratorResult.of(1_000_000, 0, 10, 2)).isNull();
        assertThat(GeneratorResult.of(-1, 5, 10, 2)).isNull();
        assertThat(GeneratorResult.of(1_000_000_000L, 5, 0, 2).cpuMicrosPerRequest()).isZero();
    }

    @Test
    void aResultKeepsItsGeneratorCostThroughItsFileAndAnOlderFileReadsWithout() throws IOException {
        LoadTestResult written = ResultFilesTest.result("Shop.browse").withGenerator(GeneratorResult.of(412_000_000L, 6.0, 1190, 2));

        LoadTestResult read = ResultFiles.read(ResultFiles.write(folder, written));

        assertThat(read.generator()).isEqualTo(written.generator());
        assertThat(read).isEqualTo(written);
        Path older = folder.resolve("Shop.older.json");
        Files.writeString(older, Files.readString(ResultFiles.write(folder, ResultFilesTest.result("Shop.older")))
                .replaceAll(",\\s*\"generator\"\\s*:\\s*null", ""));
        assertThat(Files.readString(older)).doesNotContain("generator");
        assertThat(ResultFiles.read(older).generator()).isNull();
    }
}
