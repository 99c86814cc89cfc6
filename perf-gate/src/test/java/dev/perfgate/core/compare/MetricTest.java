package dev.perfgate.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MetricTest {

    private static final GateSettings GATE = GateSettings.DEFAULT; // 10 %, 1 ms floor, 1 pp

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Metric.class, names = {"P95_LATENCY", "P99_LATENCY"})
    void latencyRegressionNeedsBothRelativeAndAbsoluteChange(Metric metric) {
        // +80 %, but only 0.4 ms: below the 1 ms floor.
        assertThat(metric.judge(0.5, 0.9, GATE)).isEqualTo(Verdict.UNCHANGED);
        // +20 % and 2 ms.
        assertThat(metric.judge(10, 12, GATE)).isEqualTo(Verdict.REGRESSED);
        // +5 %: within tolerance.
        assertThat(metric.judge(10, 10.5, GATE)).isEqualTo(Verdict.UNCHANGED);
        // -20 % and 2 ms.
        assertThat(metric.judge(10, 8, GATE)).isEqualTo(Verdict.IMPROVED);
        // +5 % of a slow endpoint is 50 ms, above the floor, but within the relative tolerance.
        assertThat(metric.judge(1000, 1050, GATE)).isEqualTo(Verdict.UNCHANGED);
        // -80 % but only 0.4 ms.
        assertThat(metric.judge(0.5, 0.1, GATE)).isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void latencyToleranceFollowsTheSettings() {
        GateSettings loose = GATE.withTolerancePercent(25);

        assertThat(Metric.P95_LATENCY.judge(10, 12, loose)).isEqualTo(Verdict.UNCHANGED);
        assertThat(Metric.P95_LATENCY.judge(10, 13, loose)).isEqualTo(Verdict.REGRESSED);
        assertThat(Metric.P95_LATENCY.judge(0.5, 0.9, new GateSettings(10, 0.1, 1))).isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void latencyFromZeroBaseline() {
        assertThat(Metric.P95_LATENCY.judge(0, 0, GATE)).isEqualTo(Verdict.UNCHANGED);
        assertThat(Metric.P95_LATENCY.judge(0, 0.5, GATE)).isEqualTo(Verdict.UNCHANGED);
        assertThat(Metric.P95_LATENCY.judge(0, 5, GATE)).isEqualTo(Verdict.REGRESSED);
    }

    @ParameterizedTest(name = "throughput {0}/s -> {1}/s is {2}")
    @CsvSource({
        "1000, 800,  REGRESSED",
        "1000, 950,  UNCHANGED",
        "1000, 1050, UNCHANGED",
        "1000, 1200, IMPROVED",
        "0,    0,    UNCHANGED",
        "0,    100,  IMPROVED",
        "100,  0,    REGRESSED",
    })
    void throughputLowerIsWorse(double baseline, double current, Verdict expected) {
        assertThat(Metric.THROUGHPUT.judge(baseline, current, GATE)).isEqualTo(expected);
    }

    /** Throughput's tolerance is a factor: at 100 % a rate halved is a regression, as a latency doubled is. */
    @ParameterizedTest(name = "at a 100 % tolerance, throughput {0}/s -> {1}/s is {2}")
    @CsvSource({
        "100, 49,  REGRESSED",
        "100, 51,  UNCHANGED",
        "100, 199, UNCHANGED",
        "100, 201, IMPROVED",
    })
    void throughputToleranceIsARatio(double baseline, double current, Verdict expected) {
        GateSettings wide = GateSettings.DEFAULT.withTolerancePercent(100);
        assertThat(Metric.THROUGHPUT.judge(baseline, current, wide)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "error rate {0} -> {1} is {2}")
    @CsvSource({
        "0.00,  0.02,  REGRESSED",
        "0.00,  0.005, UNCHANGED",
        "0.50,  0.505, UNCHANGED",
        "0.50,  0.52,  REGRESSED",
        "0.05,  0.00,  IMPROVED",
        "0.00,  0.00,  UNCHANGED",
        "0.001, 0.009, UNCHANGED",
    })
    void errorRateIsJudgedInPercentagePoints(double baseline, double current, Verdict expected) {
        // 0.001 -> 0.009 is +800 % relative, but under 1 percentage point.
        assertThat(Metric.ERROR_RATE.judge(baseline, current, GATE)).isEqualTo(expected);
    }

    @Test
    void formatsValuesWithUnits() {
        assertThat(Metric.P95_LATENCY.format(12.4)).isEqualTo("12.400 ms");
        assertThat(Metric.THROUGHPUT.format(830.54)).isEqualTo("830.5/s");
        assertThat(Metric.ERROR_RATE.format(0.0025)).isEqualTo("0.25 %");
    }

    @Test
    void formatsChanges() {
        assertThat(Metric.P95_LATENCY.formatChange(10, 12)).isEqualTo("+20.0 %");
        assertThat(Metric.THROUGHPUT.formatChange(1000, 800)).isEqualTo("-20.0 %");
        assertThat(Metric.ERROR_RATE.formatChange(0, 0.02)).isEqualTo("+2.00 pp");
        assertThat(Metric.P95_LATENCY.formatChange(0, 0)).isEqualTo("+0.0 %");
        assertThat(Metric.P95_LATENCY.formatChange(0, 3)).isEqualTo("new > 0");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tolerancePercent", "latencyFloorMillis", "errorRateTolerancePoints"})
    void gateSettingsRejectNegativeNaNAndInfiniteNamingTheField(String field) {
        for (double bad : new double[] {-1, -0.001, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> settingsWith(field, bad)).as("%s = %s", field, bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(field);
        }
    }

    @Test
    void gateSettingsAcceptZero() {
        GateSettings strict = new GateSettings(0, 0, 0);

        assertThat(Metric.P95_LATENCY.judge(10, 10.01, strict)).isEqualTo(Verdict.REGRESSED);
        assertThat(Metric.P95_LATENCY.judge(10, 10, strict)).isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void withTolerancePercentKeepsTheOtherSettings() {
        GateSettings custom = new GateSettings(10, 2, 3, 7).withTolerancePercent(15);

        assertThat(custom).isEqualTo(new GateSettings(15, 2, 3, 7));
        assertThatThrownBy(() -> custom.withTolerancePercent(-5)).hasMessageContaining("tolerancePercent");
    }

    @Test
    void gateSettingsRejectANegativeTailSampleCount() {
        assertThatThrownBy(() -> new GateSettings(10, 1, 1, -1)).hasMessageContaining("minTailSamples").hasMessageContaining("-1");
    }

    @Test
    void tailSamplesCountTheSuccessfulRequestsBeyondThePercentile() {
        dev.perfgate.core.result.OperationResult op = Results.op(2_000, 10, 100, 0.5);

        assertThat(Metric.P95_LATENCY.tailSamples(op)).isEqualTo(50);
        assertThat(Metric.P99_LATENCY.tailSamples(op)).isEqualTo(10);
        assertThat(Metric.THROUGHPUT.tailSamples(op)).isEqualTo(1_000);
        assertThat(Metric.P95_LATENCY.isPercentile()).isTrue();
        assertThat(Metric.ERROR_RATE.isPercentile()).isFalse();
    }

    private static GateSettings settingsWith(String field, double value) {
        switch (field) {
            case "tolerancePercent":
                return new GateSettings(value, 1, 1);
            case "latencyFloorMillis":
                return new GateSettings(10, value, 1);
            default:
                return new GateSettings(10, 1, value);
        }
    }
}
