package dev.perfgate.core.check;

import static dev.perfgate.core.compare.Results.op;
import static dev.perfgate.core.compare.Results.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.compare.GateRules;
import dev.perfgate.core.compare.GateSettings;
import dev.perfgate.core.compare.MetricComparison;
import dev.perfgate.core.compare.Verdict;
import dev.perfgate.core.result.LoadTestResult;

/** The gate's decision over a build, without Maven: what fails it, what it says, and in whose words. */
class CheckTest {

    private static final Path BASELINES = Path.of("baselines");
    private static final CheckSettings SETTINGS = CheckSettings.of(GateRules.everywhere(GateSettings.DEFAULT), GateSettings.DEFAULT);

    private static LoadTestResult run(String testId, double p95) {
        return result(testId, op(p95, 100, 0), Map.of("get", op(p95, 100, 0)));
    }

    private static CheckInput input(List<LoadTestResult> results, Map<String, LoadTestResult> baselines) {
        return CheckInput.of(results, baselines, BASELINES, "target/perf-results");
    }

    @Test
    void aRegressionFailsTheBuildNamingItAndTheCommandThatAcceptsIt() {
        CheckOutcome outcome = new Check(SETTINGS).run(input(List.of(run("Shop.get", 20)), Map.of("Shop.get", run("Shop.get", 10))));

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.failures()).singleElement().asString().startsWith("Performance regression beyond the tolerance:")
                .contains("Shop.get get: p95 latency 10.000 ms -> 20.000 ms", "Results are kept in target/perf-results",
                        "accept it with: mvn perf:baseline (then commit baselines/)");
        assertThat(outcome.header()).startsWith("perfgate: 1 load-test result(s) compared with baselines (tolerance 10 %");
        assertThat(outcome.table()).contains("REGRESSED");
    }

    @Test
    void reportingOnlyNeverFailsButStillSaysWhatRegressed() {
        CheckOutcome outcome = new Check(SETTINGS.reportingOnly())
                .run(input(List.of(run("Shop.get", 20)), Map.of("Shop.get", run("Shop.get", 10))));

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.concluded()).anySatisfy(message -> {
            assertThat(message.warning()).isTrue();
            assertThat(message.text()).startsWith("Performance regression beyond the tolerance:").doesNotContain("not failing");
        });
    }

    @Test
    void newAndMissingTestsAreRowsAndFailOnlyWhenConfigured() {
        CheckInput input = input(List.of(run("Shop.added", 10)), Map.of()).withMissingResults(List.of("Shop.removed"));

        CheckOutcome told = new Check(SETTINGS).run(input);
        CheckOutcome strict = new Check(SETTINGS.failingOnMissingBaseline(true).failingOnMissingResult(true)).run(input);

        assertThat(told.rows()).filteredOn(MetricComparison::wholeTest).extracting(MetricComparison::testId, MetricComparison::verdict)
                .containsExactly(tuple("Shop.added", Verdict.NEW),
                        tuple("Shop.removed", Verdict.MISSING));
        assertThat(told.failed()).isFalse();
        assertThat(told.concluded()).extracting(CheckMessage::text).anySatisfy(text -> assertThat(text)
                .isEqualTo("perfgate: no baseline for Shop.added in baselines; record one with: mvn perf:baseline"
                        + " (after the load tests or benchmarks ran) and commit it"));
        assertThat(strict.failures()).hasSize(2);
    }

    @Test
    void messagesNameTheFrontEndsOwnCommands() {
        BaselineCommands copying = new BaselineCommands() {
            @Override
            public String all() {
                return "cp build/perf-results/*.json baselines/";
            }

            @Override
            public String forTest(String testId) {
                return "cp build/perf-results/" + testId + ".json baselines/";
            }
        };

        CheckOutcome outcome = new Check(SETTINGS.recordingWith(copying))
                .run(input(List.of(run("Shop.get", 20)), Map.of("Shop.get", run("Shop.get", 10))));

        assertThat(outcome.failures()).singleElement().asString().contains("accept it with: cp build/perf-results/*.json baselines/")
                .doesNotContain("mvn");
    }

    @Test
    void aRunThatDroppedNothingAndPassedIsNotWarnedAbout() {
        CheckOutcome outcome = new Check(SETTINGS).run(input(List.of(run("Shop.get", 10)), Map.of("Shop.get", run("Shop.get", 10))));

        assertThat(outcome.noticed()).isEmpty();
        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.concluded()).extracting(CheckMessage::text).contains("perfgate: no regression");
    }
}
