package dev.perfgate.core.calibrate;

import static dev.perfgate.core.calibrate.CalibrationRuns.TEST;
import static dev.perfgate.core.calibrate.CalibrationRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.compare.GateRules;
import dev.perfgate.core.compare.GateSettings;
import dev.perfgate.core.compare.Metric;
import dev.perfgate.core.compare.MetricComparison;
import dev.perfgate.core.compare.ResultComparator;
import dev.perfgate.core.compare.Verdict;

class CalibratedRulesTest {

    private final Calibration calibration = new Calibration(Instant.parse("2026-12-05T12:00:00Z"), 3, List.of(
            new CalibratedMetric(TEST, "detail", Metric.P50_LATENCY, 10, 0.6, 1.0, 5.0),
            new CalibratedMetric(TEST, "list", Metric.P50_LATENCY, 10, 8, 8.0, 40.0)));
    private final GateRules rules = CalibratedRules.over(GateRules.everywhere(GateSettings.DEFAULT), calibration);

    @Test
    void aCalibratedMetricGetsItsToleranceAndNoFloor() {
        GateSettings settings = rules.settingsFor(TEST, "detail", Metric.P50_LATENCY);

        assertThat(settings.tolerancePercent()).isEqualTo(5.0);
        assertThat(settings.latencyFloorMillis()).isZero();
        assertThat(settings.significance()).isEqualTo(GateSettings.DEFAULT.significance());
    }

    @Test
    void everythingElseKeepsItsRules() {
        assertThat(rules.settingsFor(TEST, "detail", Metric.P95_LATENCY)).isEqualTo(GateSettings.DEFAULT);
        assertThat(rules.settingsFor("OtherLoadIT.run", "detail", Metric.P50_LATENCY)).isEqualTo(GateSettings.DEFAULT);
        assertThat(rules.settingsFor(TEST, "detail")).isEqualTo(GateSettings.DEFAULT);   // side by side and JMH ask this way
    }

    @Test
    void noCalibrationLeavesTheRulesAsTheyWere() {
        GateRules base = GateRules.everywhere(GateSettings.DEFAULT);

        assertThat(CalibratedRules.over(base, null)).isSameAs(base);
    }

    @Test
    void aQuietSubMillisecondMedianThatTheFloorHidFailsOnceCalibrated() {
        // detail 0.60 -> 0.72 ms: +20 %, 0.12 ms, under the default 1 ms floor; calibrated at 5 % with no floor
        var baseline = run(1, 4, 1_000, 8, 0.60);
        var current = run(2, 4, 1_000, 8, 0.72);

        MetricComparison byDefault = p50(new ResultComparator(GateSettings.DEFAULT).compare(baseline, current), "detail");
        MetricComparison calibrated = p50(new ResultComparator(rules).compare(baseline, current), "detail");

        assertThat(byDefault.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(calibrated.verdict()).isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void aNoisyMedianPassesWithinItsCalibratedTolerance() {
        // list 8 -> 10 ms: +25 %, beyond the default 10 % and 1 ms; its runs vary by 8 %, calibrated at 40 %
        var baseline = run(1, 4, 1_000, 8, 0.6);
        var current = run(2, 4, 1_000, 10, 0.6);

        assertThat(p50(new ResultComparator(GateSettings.DEFAULT).compare(baseline, current), "list").verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(p50(new ResultComparator(rules).compare(baseline, current), "list").verdict()).isEqualTo(Verdict.UNCHANGED);
    }

    private static MetricComparison p50(List<MetricComparison> rows, String operation) {
        return rows.stream().filter(row -> row.operation().equals(operation) && row.metric() == Metric.P50_LATENCY).findFirst().orElseThrow();
    }
}
