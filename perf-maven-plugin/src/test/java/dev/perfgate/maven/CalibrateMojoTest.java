package dev.perfgate.maven;

import static dev.perfgate.maven.MojoFixture.ENVIRONMENT;
import static dev.perfgate.maven.MojoFixture.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfgate.core.calibrate.Calibration;
import dev.perfgate.core.calibrate.CalibrationFile;
import dev.perfgate.core.compare.Metric;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.maven.MojoFixture.CapturingLog;

class CalibrateMojoTest {

    private static final String TEST = "ShopLoadIT.browse";

    @TempDir
    Path dir;

    private Path results() {
        return dir.resolve("target/perf-results");
    }

    private Path baselines() {
        return dir.resolve("baselines");
    }

    /** One build: its result written now, then perf:calibrate. */
    private CapturingLog build(int index, double p50) throws Exception {
        write(index, p50);
        return calibrate();
    }

    private CapturingLog calibrate() throws Exception {
        CapturingLog log = new CapturingLog();
        MojoFixture.configure(new CalibrateMojo(), results(), baselines(), log).execute();
        return log;
    }

    /** The result of a run of {@link #TEST} whose one operation, list, has this median in ms. */
    private void write(int index, double p50) throws Exception {
        OperationResult list = op(1_000, 2 * p50, 3 * p50);   // the fixture's median is half its p95
        LoadTestResult base = MojoFixture.result(TEST, list, Map.of("list", list), ENVIRONMENT);
        LoadTestResult result = new LoadTestResult(base.schemaVersion(), TEST, base.status(), null, "2026-12-05T10:0" + index + ":00Z",
                base.plan(), ENVIRONMENT, list, Map.of("list", list));
        ResultFiles.write(results(), result);
    }

    @Test
    void keepsEachBuildAsARunAndSaysHowManyMoreItNeeds() throws Exception {
        CapturingLog first = build(1, 5.0);
        CapturingLog second = build(2, 5.2);

        assertThat(first.at("INFO")).contains("perfgate: kept 1 result(s) as calibration run run-001");
        assertThat(second.at("INFO")).contains("perfgate: kept 1 result(s) as calibration run run-002",
                "perfgate: " + TEST + ": 2 run(s) under its current load, 5 needed; not calibrated");
        assertThat(second.text()).contains("2 calibration run(s) in", "run mvn verify perf:calibrate again");
        assertThat(CalibrationFile.in(baselines())).doesNotExist();
    }

    @Test
    void theSameResultsAreNotKeptTwice() throws Exception {
        build(1, 5.0);

        CapturingLog again = calibrate();

        assertThat(again.at("INFO")).anySatisfy(line -> assertThat(line).contains("these results are already a calibration run"));
        assertThat(Files.list(results().resolveSibling("perf-calibration")).count()).isEqualTo(1);
    }

    @Test
    void writesTolerancesOnceATestHasEnoughRunsAndTheGateUsesThem() throws Exception {
        double[] medians = {2.5, 2.55, 2.45, 2.525, 2.475};
        CapturingLog last = null;
        for (int i = 0; i < medians.length; i++) {
            last = build(i + 1, medians[i]);
        }

        Calibration calibration = CalibrationFile.read(CalibrationFile.in(baselines()));
        double tolerance = calibration.find(TEST, "list", Metric.P50_LATENCY).orElseThrow().tolerancePercent();
        assertThat(tolerance).isBetween(5.0, 20.0);   // medians within +-2 %, from 5 runs (t with 4 degrees of freedom)
        assertThat(last.text()).contains("written to " + CalibrationFile.in(baselines()), "commit it");
        assertThat(last.at("INFO")).anySatisfy(line -> assertThat(line).startsWith(TEST).contains("list", "p50", "5 "));

        // A median beyond its calibrated tolerance fails, although the change is under the default 1 ms floor.
        ResultFiles.write(baselines(), ResultFiles.read(ResultFiles.fileOf(results(), TEST)));
        CapturingLog gate = new CapturingLog();
        write(6, 2.475 * (1 + (tolerance + 5) / 100));   // about +0.5 ms
        CheckMojo check = MojoFixture.configure(new CheckMojo(), results(), baselines(), gate);
        assertThatThrownBy(check::execute).isInstanceOf(MojoFailureException.class);
        assertThat(gate.at("INFO")).anySatisfy(line -> assertThat(line).contains("judged with the tolerances calibrated"));
        assertThat(gate.rows(TEST, "p50 latency")).anySatisfy(row -> assertThat(row).contains("list", "REGRESSED"));
    }
}
