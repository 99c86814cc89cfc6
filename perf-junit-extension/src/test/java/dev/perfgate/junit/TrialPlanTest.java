package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import dev.perfgate.core.engine.ArrivalSchedule;
import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.OpenLoadPlan;
import dev.perfgate.core.engine.RunPlan;
import dev.perfgate.core.engine.ThinkTime;
import dev.perfgate.core.engine.UserSchedule;

class TrialPlanTest {

    @Test
    void aTrialIsTheSameLoadForItsOwnLengthWithoutWarmUp() {
        LoadPlan closed = new LoadPlan(4, Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(2),
                ThinkTime.parse("10ms", "test"), 0);

        RunPlan trial = TrialPlan.of(closed, Duration.ofSeconds(3), "T.t");

        assertThat(trial).isEqualTo(new LoadPlan(4, Duration.ZERO, Duration.ofSeconds(3), Duration.ofSeconds(2),
                ThinkTime.parse("10ms", "test"), 0));
        OpenLoadPlan open = OpenLoadPlan.of(ArrivalSchedule.constant(50, Duration.ofSeconds(60))).withWarmUp(Duration.ofSeconds(5));
        OpenLoadPlan openTrial = (OpenLoadPlan) TrialPlan.of(open, Duration.ofSeconds(3), "T.t");
        assertThat(openTrial.arrivals()).isEqualTo(ArrivalSchedule.constant(50, Duration.ofSeconds(3)));
        assertThat(openTrial.warmUp()).isZero();
        assertThat(openTrial.maxInFlight()).isEqualTo(open.maxInFlight());
    }

    @Test
    void aWarmUpTrialRunsTheTestsWarmUpLoad() {
        OpenLoadPlan open = OpenLoadPlan.of(ArrivalSchedule.constant(50, Duration.ofSeconds(60))).withWarmUp(Duration.ofSeconds(5), 400);
        LoadPlan closed = new LoadPlan(1, Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(2))
                .withWarmUp(Duration.ofSeconds(5), 4);

        assertThat(((OpenLoadPlan) TrialPlan.warmUp(open, Duration.ofSeconds(3), "T.t")).arrivals())
                .isEqualTo(ArrivalSchedule.constant(400, Duration.ofSeconds(3)));
        assertThat(((OpenLoadPlan) TrialPlan.of(open, Duration.ofSeconds(3), "T.t")).arrivals())
                .isEqualTo(ArrivalSchedule.constant(50, Duration.ofSeconds(3)));
        assertThat(TrialPlan.warmUp(closed, Duration.ofSeconds(3), "T.t"))
                .isEqualTo(new LoadPlan(4, Duration.ZERO, Duration.ofSeconds(3), Duration.ofSeconds(2)));
        assertThat(((LoadPlan) TrialPlan.of(closed, Duration.ofSeconds(3), "T.t")).users()).isEqualTo(1);
    }

    @Test
    void aLoadThatChangesOverTimeCannotBePaired() {
        LoadPlan staged = LoadPlan.of(UserSchedule.parse("ramp 0->4 over 5s, hold 4 for 5s", "test"));
        OpenLoadPlan ramp = OpenLoadPlan.of(ArrivalSchedule.ramp(10, 100, Duration.ofSeconds(10)));

        assertThatThrownBy(() -> TrialPlan.of(staged, Duration.ofSeconds(3), "T.t")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("@SideBySide on T.t", "@LoadTest(stages)", "every trial must apply the same load");
        assertThatThrownBy(() -> TrialPlan.of(ramp, Duration.ofSeconds(3), "T.t")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("@LoadTest(arrivalRate)");
    }
}
