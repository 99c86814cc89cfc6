package dev.perfgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.result.PlanSummary;

class OpenLoadPlanTest {

    private static final ArrivalSchedule TEN_SECONDS_AT_200 = ArrivalSchedule.constant(200, Duration.ofSeconds(10));

    @Test
    void defaultsAreNoWarmUpTheDefaultTimeoutAndACapSizedForOneSecondIterationsAtThePeakRate() {
        OpenLoadPlan plan = OpenLoadPlan.of(TEN_SECONDS_AT_200);

        assertThat(plan.warmUp()).isZero();
        assertThat(plan.requestTimeout()).isEqualTo(LoadPlan.DEFAULT_REQUEST_TIMEOUT);
        assertThat(plan.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(plan.maxInFlight()).isEqualTo(200);
        assertThat(OpenLoadPlan.defaultMaxInFlight(ArrivalSchedule.constant(2, Duration.ofSeconds(10))))
                .isEqualTo(OpenLoadPlan.MIN_DEFAULT_IN_FLIGHT);
        assertThat(OpenLoadPlan.defaultMaxInFlight(ArrivalSchedule.ramp(10, 50_000, Duration.ofSeconds(10))))
                .isEqualTo(OpenLoadPlan.MAX_IN_FLIGHT);
    }

    @Test
    void withersChangeOneField() {
        OpenLoadPlan plan = OpenLoadPlan.of(TEN_SECONDS_AT_200)
                .withWarmUp(Duration.ofSeconds(2)).withRequestTimeout(Duration.ofSeconds(3)).withMaxInFlight(7);

        assertThat(plan).isEqualTo(new OpenLoadPlan(TEN_SECONDS_AT_200, Duration.ofSeconds(2), Duration.ofSeconds(3), 7));
        assertThat(plan.timeline().duration()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void theWarmUpRunsAtTheInitialRateUnlessGivenOneOfItsOwn() {
        OpenLoadPlan plan = OpenLoadPlan.of(TEN_SECONDS_AT_200).withWarmUp(Duration.ofSeconds(2));
        OpenLoadPlan faster = plan.withWarmUp(Duration.ofSeconds(2), 1_000);

        assertThat(plan.warmUpPerSecond()).isEqualTo(200);
        assertThat(plan.warmsUpAtItsOwnRate()).isFalse();
        assertThat(plan.timeline().expectedArrivals()).isEqualTo(2 * 200 + 10 * 200);
        assertThat(faster.warmsUpAtItsOwnRate()).isTrue();
        assertThat(faster.timeline().expectedArrivals()).isEqualTo(2 * 1_000 + 10 * 200);
        assertThat(faster.withMaxInFlight(50).withRequestTimeout(Duration.ofSeconds(1)).withWarmUp(Duration.ofSeconds(3))
                .warmUpPerSecond()).as("the other withers keep the warm-up rate").isEqualTo(1_000);
        assertThat(ResultOfRun.summary(faster).warmUp()).isEqualTo("2s at 1000/s");
        assertThat(ResultOfRun.summary(plan).warmUp()).isEqualTo("2s");
    }

    @Test
    void invalidFieldsAreRefusedNamingTheFieldAndAValidExample() {
        assertThatThrownBy(() -> OpenLoadPlan.of(TEN_SECONDS_AT_200).withWarmUp(Duration.ofSeconds(1), -5))
                .hasMessageContaining("warmUpPerSecond: -5.0 is out of range; use 0 to 100000 arrivals per second, e.g. 500");
        assertThatThrownBy(() -> OpenLoadPlan.of(TEN_SECONDS_AT_200).withWarmUp(Duration.ofSeconds(1), Double.NaN))
                .hasMessageContaining("warmUpPerSecond: NaN is out of range");
        assertThatThrownBy(() -> OpenLoadPlan.of(null)).hasMessageContaining("arrivals: none given")
                .hasMessageContaining("ArrivalSchedule.constant(200, Duration.ofSeconds(10))");
        assertThatThrownBy(() -> OpenLoadPlan.of(TEN_SECONDS_AT_200).withMaxInFlight(0))
                .hasMessageContaining("maxInFlight: 0 is out of range; use 1 to 2000, e.g. 200");
        assertThatThrownBy(() -> OpenLoadPlan.of(TEN_SECONDS_AT_200).withWarmUp(Duration.ofSeconds(-1)))
                .hasMessageContaining("warmUp: PT-1S must be zero or longer, e.g. Duration.ofSeconds(2)");
        assertThatThrownBy(() -> OpenLoadPlan.of(TEN_SECONDS_AT_200).withRequestTimeout(Duration.ZERO))
                .hasMessageContaining("requestTimeout: PT0S must be longer than zero");
    }

    @Test
    void aClosedWarmUpHoldsTheInitialUsersUnlessGivenUsersOfItsOwn() {
        LoadPlan plan = new LoadPlan(1, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(2));
        LoadPlan busier = plan.withWarmUp(Duration.ofSeconds(5), 4);

        assertThat(plan.usersInWarmUp()).isEqualTo(1);
        assertThat(plan.peakUsersWithWarmUp()).isEqualTo(1);
        assertThat(busier.usersInWarmUp()).isEqualTo(4);
        assertThat(busier.peakUsersWithWarmUp()).isEqualTo(4);
        assertThat(busier.timeline().usersAt(0)).isEqualTo(4);
        assertThat(busier.timeline().usersAt(Duration.ofSeconds(6).toNanos())).isEqualTo(1);
        assertThat(busier.withThinkTime(Duration.ofMillis(5)).withIterationsPerUser(3).withWarmUp(Duration.ofSeconds(2)).warmUpUsers())
                .as("the other withers keep the warm-up's users").isEqualTo(4);
        assertThat(busier.withWarmUp(Duration.ZERO).peakUsersWithWarmUp()).as("no warm-up, no extra users").isEqualTo(1);
        assertThat(ResultOfRun.summary(busier).warmUp()).isEqualTo("5s with 4 users");
        assertThat(ResultOfRun.summary(plan).warmUp()).isEqualTo("5s");
        assertThatThrownBy(() -> plan.withWarmUp(Duration.ofSeconds(1), -1))
                .hasMessageContaining("warmUpUsers: -1 is out of range; use 1 to 10000, or 0 for the schedule's initial users, e.g. 4");
    }

    @Test
    void closedPlansKeepTheirConstructorsAndNameTheFieldTheyRefuse() {
        LoadPlan plan = new LoadPlan(4, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO)
                .withThinkTime(Duration.ofMillis(5));

        assertThat(plan.thinkTime()).isEqualTo(ThinkTime.fixed(Duration.ofMillis(5)));
        assertThatThrownBy(() -> new LoadPlan(0, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("users: 0 is out of range; use 1 to 10000, e.g. 8");
        assertThatThrownBy(() -> new LoadPlan(1, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("duration: PT0S must be longer than zero, e.g. \"10s\"");
    }
}
