package dev.perfgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class UserScheduleTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void parsesRampsAndHoldsAndDescribesThemTheSameWay() {
        UserSchedule schedule = UserSchedule.parse("ramp 0->20 over 10s, hold 20 for 30s, ramp 20->0 over 5s", "test");

        assertThat(schedule).isEqualTo(UserSchedule.ramp(0, 20, Duration.ofSeconds(10)).thenHold(20, Duration.ofSeconds(30))
                .thenRampTo(0, Duration.ofSeconds(5)));
        assertThat(schedule.describe()).isEqualTo("ramp 0->20 over 10s, hold 20 for 30s, ramp 20->0 over 5s");
        assertThat(schedule.duration()).isEqualTo(Duration.ofSeconds(45));
        assertThat(schedule.peakUsers()).isEqualTo(20);
    }

    @Test
    void userKIsWantedOnceTheInterpolatedCountReachesK() {
        UserSchedule schedule = UserSchedule.ramp(0, 10, Duration.ofSeconds(10)).thenHold(10, Duration.ofSeconds(5))
                .thenRampTo(0, Duration.ofSeconds(10));

        assertThat(schedule.usersAt(0)).isZero();
        assertThat(schedule.usersAt(3 * SECOND)).isEqualTo(3);
        assertThat(schedule.usersAt(12 * SECOND)).isEqualTo(10);
        assertThat(schedule.usersAt(20 * SECOND)).isEqualTo(5);
        assertThat(schedule.nextActiveNanos(3, 0)).isEqualTo(3 * SECOND);
        assertThat(schedule.nextActiveNanos(3, 5 * SECOND)).isEqualTo(5 * SECOND);
        // user 8 leaves the ramp down at 17 s and is never wanted again
        assertThat(schedule.usersAt(17 * SECOND + SECOND / 2)).isEqualTo(7);
        assertThat(schedule.nextActiveNanos(8, 18 * SECOND)).isEqualTo(UserSchedule.NEVER);
    }

    @Test
    void aBadStageNamesWhereItCameFromAndAValidExample() {
        assertThatThrownBy(() -> UserSchedule.parse("ramp 0->20 in 10s", "@LoadTest(stages) on X.y"))
                .hasMessageContaining("@LoadTest(stages) on X.y")
                .hasMessageContaining("ramp 0->20 in 10s")
                .hasMessageContaining(UserSchedule.EXAMPLE);
        assertThatThrownBy(() -> UserSchedule.parse("hold 0 for 5s", "where")).hasMessageContaining("no user");
        assertThatThrownBy(() -> UserSchedule.parse("hold 30000 for 5s", "where")).hasMessageContaining("0 to 10000");
    }

    @Test
    void aFixedPlanIsTheOneStageCase() {
        LoadPlan plan = new LoadPlan(8, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(5));

        assertThat(plan.schedule()).isEqualTo(UserSchedule.hold(8, Duration.ofSeconds(10)));
        assertThat(plan.isStaged()).isFalse();
        assertThat(LoadPlan.of(UserSchedule.ramp(0, 5, Duration.ofSeconds(4))).users()).isEqualTo(5);
        assertThatThrownBy(() -> new LoadPlan(3, Duration.ZERO, Duration.ofSeconds(4), Duration.ofSeconds(5), ThinkTime.NONE, 0,
                UserSchedule.ramp(0, 5, Duration.ofSeconds(4)))).hasMessageContaining("LoadPlan.of(schedule)");
    }
}
