package dev.perfgate.core.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfgate.core.compare.Metric;
import dev.perfgate.core.result.InvalidResultFileException;
import dev.perfgate.core.result.ResultFiles;

class CalibrationFileTest {

    @TempDir
    Path dir;

    private final Calibration calibration = new Calibration(Instant.parse("2026-12-05T12:00:00Z"), 3, List.of(
            new CalibratedMetric("ShopLoadIT.browse", "list", Metric.P50_LATENCY, 10, 7.25, 2.1, 12.5),
            new CalibratedMetric("ShopLoadIT.browse", "(total)", Metric.THROUGHPUT, 10, 98.5, 0.4, 2.4)));

    @Test
    void readsBackWhatItWrote() throws Exception {
        Path file = CalibrationFile.in(dir.resolve("baselines"));

        CalibrationFile.write(file, calibration);

        assertThat(CalibrationFile.read(file)).isEqualTo(calibration);
        assertThat(Files.readString(file)).contains("\"metric\" : \"p50\"", "\"tolerancePercent\" : 12.5");
    }

    @Test
    void livesOutsideTheBaselinesThemselves() throws Exception {
        Path baselines = dir.resolve("baselines");
        CalibrationFile.write(CalibrationFile.in(baselines), calibration);

        assertThat(ResultFiles.list(baselines)).isEmpty();   // every *.json directly in the folder is a baseline
    }

    @Test
    void noFileIsNoCalibration() {
        assertThat(CalibrationFile.readIfPresent(dir.resolve("baselines/calibration/tolerances.json"))).isNull();
    }

    @Test
    void aBrokenEntryNamesTheFileTheEntryAndTheField() throws Exception {
        Path file = dir.resolve("tolerances.json");
        Files.writeString(file, """
                {"schema": "perfgate-calibration", "schemaVersion": 1, "calibratedAt": "2026-12-05T12:00:00Z", "spreads": 3,
                 "metrics": [{"test": "A.a", "operation": "list", "metric": "p50", "runs": 10, "median": 7, "spreadPercent": 2,
                              "tolerancePercent": 12},
                             {"test": "A.a", "operation": "list", "metric": "p95", "runs": 10, "median": 9, "spreadPercent": 3}]}
                """);

        assertThatThrownBy(() -> CalibrationFile.read(file)).isInstanceOf(InvalidResultFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("metrics[1]: field tolerancePercent is missing or not a number")
                .hasMessageContaining("mvn verify perf:calibrate");
    }

    @Test
    void anUnknownMetricIsNamed() throws Exception {
        Path file = dir.resolve("tolerances.json");
        Files.writeString(file, """
                {"schema": "perfgate-calibration", "schemaVersion": 1, "calibratedAt": "2026-12-05T12:00:00Z", "spreads": 3,
                 "metrics": [{"test": "A.a", "operation": "list", "metric": "p42", "runs": 10, "median": 7, "spreadPercent": 2,
                              "tolerancePercent": 12}]}
                """);

        assertThatThrownBy(() -> CalibrationFile.read(file)).hasMessageContaining("metrics[0]: metrics: 'p42' is not a metric");
    }

    @Test
    void anotherKindOfFileIsRefused() throws Exception {
        Path file = dir.resolve("tolerances.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"testId\": \"A.a\"}");

        assertThatThrownBy(() -> CalibrationFile.read(file)).hasMessageContaining("is not a perfgate calibration");
    }
}
