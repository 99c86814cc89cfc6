package dev.perfgate.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.perfgate.core.slo.Grade;
import dev.perfgate.core.slo.SloCheck;
import dev.perfgate.core.slo.SloMetric;
import dev.perfgate.core.slo.SloReport;
import dev.perfgate.core.slo.SloThreshold;

class SloJudgeTest {

    private static final String WHERE = "@Slo(x) on Shop.buy";

    /** 1,000 requests in 10 s with {@code errors} failed and the given p95 (ms); p50 is half of it. */
    private static OperationResult op(double p95, long errors) {
        return new OperationResult(1_000, errors, Map.of(), errors / 1_000.0, 100,
                new LatencySummary(p95 / 2, p95 * 0.9, p95, p95 * 1.5, p95 * 2, p95 / 2), "");
    }

    private static LoadTestResult result(ResultStatus status, OperationResult total, Map<String, OperationResult> operations) {
        return new LoadTestResult(LoadTestResult.SCHEMA_VERSION, "Shop.buy", status, null, "2026-11-22T10:00:00Z", null, null, total,
                operations);
    }

    private static SloThreshold slo(String operation, SloMetric metric, String value) {
        return SloThreshold.parse(operation, metric, value, WHERE);
    }

    @Test
    void eachObjectiveIsCheckedAgainstItsOperationAndTheWorstUsageGrades() {
        LoadTestResult result = result(ResultStatus.PASSED, op(200, 5), Map.of("GET /cart", op(90, 0), "POST /buy", op(400, 5)));

        SloReport report = SloJudge.judge(List.of(
                slo(SloThreshold.TOTAL, SloMetric.P95, "300ms"),       // 200 / 300: 0.67
                slo("GET /cart", SloMetric.P50, "50ms"),               // 45 / 50: 0.90
                slo(SloThreshold.TOTAL, SloMetric.ERROR_RATE, "1%"),   // 0.5 % / 1 %: 0.5
                slo(SloThreshold.TOTAL, SloMetric.THROUGHPUT, "80/s")), // 80 / 100: 0.8
                result);

        assertThat(report.breaches()).isEmpty();
        assertThat(report.checks()).extracting(SloCheck::usage).satisfiesExactly(
                u -> assertThat(u).isCloseTo(200.0 / 300, within(1e-9)), u -> assertThat(u).isCloseTo(0.9, within(1e-9)),
                u -> assertThat(u).isCloseTo(0.5, within(1e-9)), u -> assertThat(u).isCloseTo(0.8, within(1e-9)));
        assertThat(report.grade()).isEqualTo(Grade.B);
    }

    @Test
    void aBreachNamesTheObjectiveItsLimitAndTheMeasuredValue() {
        LoadTestResult result = result(ResultStatus.PASSED, op(200, 0), Map.of("POST /buy", op(400, 0)));

        SloReport report = SloJudge.judge(List.of(slo("POST /buy", SloMetric.P95, "350ms"), slo(SloThreshold.TOTAL, SloMetric.P95, "1s")),
                result);

        assertThat(report.breaches()).singleElement().extracting(SloCheck::describe)
                .isEqualTo("POST /buy p95 400.0 ms > limit 350.0 ms");
        assertThat(report.grade()).as("400 / 350 = 1.14: missed by at most 25 %").isEqualTo(Grade.D);
        assertThat(report.failureMessage("Shop.buy"))
                .isEqualTo("load test Shop.buy missed 1 of 2 SLO(s) (grade D):\n  POST /buy p95 400.0 ms > limit 350.0 ms");
    }

    @Test
    void anOperationNeverCalledMissesItsObjective() {
        SloReport report = SloJudge.judge(List.of(slo("GET /gone", SloMetric.P99, "1s")), result(ResultStatus.PASSED, op(10, 0), Map.of()));

        assertThat(report.breaches()).singleElement().extracting(SloCheck::describe).asString()
                .startsWith("GET /gone p99 not measured");
        assertThat(report.grade()).isEqualTo(Grade.F);
    }

    @ParameterizedTest(name = "usage {0} grades {1}")
    @CsvSource({ "0.50, A", "0.75, A", "0.76, B", "0.90, B", "0.95, C", "1.00, C", "1.01, D", "1.25, D", "1.26, F", "3.0, F" })
    void gradeBoundaries(double usage, Grade grade) {
        SloCheck check = new SloCheck(new SloThreshold(SloThreshold.TOTAL, SloMetric.P95, 100), usage * 100, usage <= 1);

        assertThat(Grade.of(List.of(check), true)).isEqualTo(grade);
        assertThat(Grade.of(List.of(check), false)).isEqualTo(Grade.F);
    }

    @Test
    void valuesAreParsedInTheirUnits() {
        assertThat(slo("a", SloMetric.P95, "1500ms").limit()).isEqualTo(1500.0);
        assertThat(slo("a", SloMetric.MAX, "2s").limit()).isEqualTo(2000.0);
        assertThat(slo("a", SloMetric.ERROR_RATE, "0.5%").limit()).isEqualTo(0.005);
        assertThat(slo("a", SloMetric.THROUGHPUT, "250/s").limit()).isEqualTo(250.0);
    }

    @ParameterizedTest(name = "error rate \"{0}\" is refused")
    @ValueSource(strings = { "1", "1 percent", "-1%", "101%", "%", "1e3%", "NaN%" })
    void malformedErrorRatesNameWhereAndAValidExample(String value) {
        assertThatThrownBy(() -> slo("a", SloMetric.ERROR_RATE, value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(WHERE).hasMessageContaining("'" + value.strip() + "'").hasMessageContaining("\"1%\"");
    }

    @ParameterizedTest(name = "throughput \"{0}\" is refused")
    @ValueSource(strings = { "100", "100 rps", "/s", "-5/s" })
    void malformedThroughputsNameWhereAndAValidExample(String value) {
        assertThatThrownBy(() -> slo("a", SloMetric.THROUGHPUT, value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(WHERE).hasMessageContaining("\"100/s\"");
    }

    @Test
    void aLatencyThatIsNotADurationNamesWhere() {
        assertThatThrownBy(() -> slo("a", SloMetric.P95, "fast")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(WHERE).hasMessageContaining("'fast'");
    }
}
