package dev.perfgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.result.PlanSummary;
import dev.perfgate.core.result.PlanSummary.ArrivalStage;

class ResultOfRunTest {

    @Test
    void aClosedPlanIsSummedUpWithItsThinkTimeDistributionAndSessionLimit() {
        LoadPlan closed = new LoadPlan(4, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(5))
                .withThinkTime(ThinkTime.uniform(Duration.ofMillis(50), Duration.ofMillis(150))).withIterationsPerUser(20);

        assertThat(ResultOfRun.summary(closed))
                .isEqualTo(new PlanSummary("closed", 4, "2s", "10s", "5s", "50ms to 150ms", List.of(), 0, 20));
    }

    @Test
    void anOpenPlanIsSummedUpWithItsArrivalStagesAndCap() {
        OpenLoadPlan open = OpenLoadPlan.of(ArrivalSchedule.constant(200, Duration.ofSeconds(10))
                .thenRampTo(400, Duration.ofSeconds(5))).withMaxInFlight(50);

        PlanSummary summary = ResultOfRun.summary(open);

        assertThat(summary.open()).isTrue();
        assertThat(summary.duration()).isEqualTo("15s");
        assertThat(summary.arrivals()).containsExactly(new ArrivalStage(200, 200, "10s"), new ArrivalStage(200, 400, "5s"));
        assertThat(summary.maxInFlight()).isEqualTo(50);
        assertThat(summary.users()).isZero();
    }
}
