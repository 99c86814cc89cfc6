package dev.perfgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    private static final long MS = 1_000_000;

    /** Every arrival's due time, in order, until the schedule ends. */
    private static List<Long> dueTimes(ArrivalSchedule schedule) {
        List<Long> due = new java.util.ArrayList<>();
        for (long i = 0; schedule.dueNanos(i) != ArrivalSchedule.NOT_DUE; i++) {
            due.add(schedule.dueNanos(i));
        }
        return due;
    }

    @Test
    void aConstantRateSpacesArrivalsEvenlyFromTimeZero() {
        ArrivalSchedule schedule = ArrivalSchedule.constant(200, Duration.ofSeconds(1));

        List<Long> due = dueTimes(schedule);

        assertThat(due).hasSize(200);
        assertThat(due.get(0)).isZero();
        assertThat(due.get(1)).isEqualTo(5 * MS);
        assertThat(due.get(199)).isEqualTo(995 * MS);
        assertThat(schedule.dueNanos(200)).isEqualTo(ArrivalSchedule.NOT_DUE);
        assertThat(schedule.dueNanos(-1)).isEqualTo(ArrivalSchedule.NOT_DUE);
    }

    @Test
    void aRampsArrivalsAreDueWhereTheIntegralOfTheRateReachesThem() {
        double from = 100;
        double to = 300;
        double seconds = 2;
        ArrivalSchedule schedule = ArrivalSchedule.ramp(from, to, Duration.ofSeconds(2));

        List<Long> due = dueTimes(schedule);

        assertThat(schedule.expectedArrivals()).isEqualTo(400);
        assertThat(due).hasSize(400).isSorted();
        for (int i = 0; i < due.size(); i += 37) {
            double t = due.get(i) / 1e9;
            assertThat(from * t + (to - from) * t * t / (2 * seconds)).as("integral at arrival %d", i).isCloseTo(i, within(1e-6));
        }
        // Arrivals come twice as often at the end (300/s) as at the start (100/s).
        assertThat(due.get(1) - due.get(0)).isCloseTo(10 * MS, within(MS / 10));
        assertThat(due.get(399) - due.get(398)).isCloseTo((long) (1e9 / 300), within(MS / 10));
    }

    @Test
    void aRampFromZeroAndARampDownEndWithTheIntegral() {
        assertThat(dueTimes(ArrivalSchedule.ramp(0, 100, Duration.ofSeconds(2)))).hasSize(100).isSorted();
        assertThat(dueTimes(ArrivalSchedule.ramp(100, 0, Duration.ofSeconds(2)))).hasSize(100).isSorted()
                .allSatisfy(due -> assertThat(due).isLessThan(2_000 * MS));
    }

    @Test
    void stagesFollowOneAnotherAndAPauseHasNoArrivals() {
        ArrivalSchedule schedule = ArrivalSchedule.constant(100, Duration.ofSeconds(1))
                .thenConstant(0, Duration.ofSeconds(1))
                .thenRampTo(200, Duration.ofSeconds(1))
                .thenConstant(200, Duration.ofSeconds(1));

        List<Long> due = dueTimes(schedule);

        assertThat(schedule.duration()).isEqualTo(Duration.ofSeconds(4));
        assertThat(schedule.expectedArrivals()).isEqualTo(100 + 0 + 100 + 200);
        assertThat(due).hasSize(400).isSorted();
        assertThat(due).noneMatch(t -> t >= 1_000 * MS && t < 2_000 * MS);
        assertThat(due.get(100)).isEqualTo(2_000 * MS);
        assertThat(schedule.expectedArrivalsWithin(Duration.ofMillis(2_500))).isCloseTo(100 + 25, within(1e-9));
        assertThat(schedule.peakPerSecond()).isEqualTo(200);
        assertThat(schedule.describe()).isEqualTo("100/s for 1s, then 0/s for 1s, then 0/s to 200/s over 1s, then 200/s for 1s");
    }

    @Test
    void aLeadInRunsAtItsOwnRateBeforeTheSchedule() {
        ArrivalSchedule schedule = ArrivalSchedule.ramp(100, 200, Duration.ofSeconds(1));

        ArrivalSchedule timeline = schedule.afterLeadIn(Duration.ofMillis(500), 100);
        ArrivalSchedule faster = schedule.afterLeadIn(Duration.ofMillis(500), 1_000);

        assertThat(timeline.duration()).isEqualTo(Duration.ofMillis(1_500));
        assertThat(timeline.expectedArrivals()).isEqualTo(50 + 150);
        assertThat(timeline.dueNanos(50)).isEqualTo(500 * MS);
        assertThat(faster.expectedArrivals()).isEqualTo(500 + 150);
        assertThat(faster.dueNanos(500)).isEqualTo(500 * MS);
        assertThat(schedule.afterLeadIn(Duration.ZERO, 1_000)).isSameAs(schedule);
    }

    @Test
    void invalidSchedulesAreRefusedNamingTheFieldAndAValidExample() {
        assertThatThrownBy(() -> ArrivalSchedule.constant(-1, Duration.ofSeconds(1)))
                .hasMessageContaining("fromPerSecond: -1.0").hasMessageContaining("e.g. 200");
        assertThatThrownBy(() -> ArrivalSchedule.ramp(10, Double.NaN, Duration.ofSeconds(1)))
                .hasMessageContaining("toPerSecond: NaN");
        assertThatThrownBy(() -> ArrivalSchedule.constant(10, Duration.ZERO))
                .hasMessageContaining("duration: PT0S must be longer than zero, e.g. Duration.ofSeconds(10)");
        assertThatThrownBy(() -> ArrivalSchedule.constant(0, Duration.ofSeconds(5)))
                .hasMessageContaining("call for no arrival").hasMessageContaining("ArrivalSchedule.constant(200");
        assertThatThrownBy(() -> ArrivalSchedule.constant(100_000, Duration.ofDays(1)))
                .hasMessageContaining("more than " + ArrivalSchedule.MAX_ARRIVALS);
        assertThatThrownBy(() -> ArrivalSchedule.of(List.of())).hasMessageContaining("stages: none given");
    }
}
