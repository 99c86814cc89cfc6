package dev.perfgate.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.result.LatencySummary;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.SideBySideResult;
import dev.perfgate.core.result.TrialResult;

class WarmUpDriftTest {

    @Test
    void appsGettingFasterThroughTheTrialsAreNamedWithTheirFirstAndLastMedians() {
        // The shape of the sample app's six-instance runs: 6 instances of 5 pairs, each 1.4 ms in its first pair, 1.1 ms in its last.
        SideBySideResult run = run(6, 5, pair -> 1.4 - 0.075 * pair);

        Optional<WarmUpDrift> drift = WarmUpDrift.of(run);

        assertThat(drift).isPresent();
        assertThat(drift.get().firstMs()).isEqualTo(1.4, offset(1e-9));
        assertThat(drift.get().lastMs()).isEqualTo(1.1, offset(1e-9));
        assertThat(drift.get().describe("SideBySideLoadIT.reminders"))
                .startsWith("SideBySideLoadIT.reminders: the apps were still getting faster")
                .contains("from 1.400 ms", "to 1.100 ms", "(-21 %)", "@LoadTest(warmUp)");
    }

    @Test
    void steadyAppsWithTheMachinesNoiseAreNotWarned() {
        // +-5 % from pair to pair, no trend: noise, not a warm-up
        SideBySideResult run = run(1, 40, pair -> 0.58 * (pair % 2 == 0 ? 1.05 : 0.95));

        assertThat(WarmUpDrift.of(run)).isEmpty();
    }

    @Test
    void appsGettingSlowerAreNotAWarmUp() {
        assertThat(WarmUpDrift.of(run(1, 40, pair -> 0.5 + 0.01 * pair))).isEmpty();
    }

    @Test
    void aDropJustUnderTheLimitIsNotWarnedAndJustOverItIs() {
        double under = 1 - WarmUpDrift.LIMIT + 0.005;
        double over = 1 - WarmUpDrift.LIMIT - 0.005;

        assertThat(WarmUpDrift.of(run(2, 8, pair -> pair < 4 ? 1.0 : under))).isEmpty();
        assertThat(WarmUpDrift.of(run(2, 8, pair -> pair < 4 ? 1.0 : over))).isPresent();
    }

    @Test
    void instancesWithTooFewPairsToHaveQuartersSayNothing() {
        assertThat(WarmUpDrift.of(run(10, WarmUpDrift.MIN_PAIRS - 1, pair -> 2.0 - 0.5 * pair))).isEmpty();
    }

    @Test
    void trialsWithoutASuccessfulRequestAreLeftOut() {
        List<TrialResult> trials = new ArrayList<>(run(1, 8, pair -> 1.0).trials());
        // a last pair that failed entirely reads p50 0 ms, which would look like a 50 % drop of the last quarter's median
        trials.set(14, trial(7, 0, SideBySideResult.REFERENCE, 0.0, 100));
        trials.set(15, trial(7, 0, SideBySideResult.CANDIDATE, 0.0, 100));

        assertThat(WarmUpDrift.of(new SideBySideResult("image app:1.0", "Dockerfile", 42, "1s", trials, true))).isEmpty();
    }

    /** {@code instances} of {@code pairs} interleaved pairs each, both versions at {@code p50ms} of the pair's index on its instance. */
    private static SideBySideResult run(int instances, int pairs, IntToDoubleFunction p50ms) {
        List<TrialResult> trials = new ArrayList<>();
        for (int instance = 0; instance < instances; instance++) {
            for (int each = 0; each < pairs; each++) {
                int pair = instance * pairs + each;
                trials.add(trial(pair, instance, SideBySideResult.REFERENCE, p50ms.applyAsDouble(each), 0));
                trials.add(trial(pair, instance, SideBySideResult.CANDIDATE, p50ms.applyAsDouble(each), 0));
            }
        }
        return new SideBySideResult("image app:1.0", "Dockerfile", 42, "1s", trials, true);
    }

    private static TrialResult trial(int pair, int instance, String version, double p50, long errors) {
        OperationResult figures = new OperationResult(100, errors, Map.of(), errors / 100.0, 100,
                new LatencySummary(p50, p50 * 2, p50 * 3, p50 * 4, p50 * 5, p50 * 1.2), "", List.of());
        return new TrialResult(pair, instance, version, 0, "2026-11-24T07:30:00Z", figures, Map.of("reminders", figures));
    }
}
