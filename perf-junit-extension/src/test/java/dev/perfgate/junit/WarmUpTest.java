package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.engine.ArrivalSchedule;
import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.OpenLoadPlan;

class WarmUpTest {

    private static final String WHERE = "@LoadTest(warmUp) on T.t";
    private static final OpenLoadPlan OPEN = OpenLoadPlan.of(ArrivalSchedule.constant(100, Duration.ofSeconds(8)));
    private static final LoadPlan CLOSED = new LoadPlan(1, Duration.ZERO, Duration.ofSeconds(8), Duration.ofSeconds(2));

    @Test
    void aLengthWarmsUpWithTheTestsOwnLoad() {
        assertThat(WarmUp.parse("10s", WHERE).applyTo(OPEN)).isEqualTo(OPEN.withWarmUp(Duration.ofSeconds(10), 100));
        assertThat(WarmUp.parse("10s", WHERE).applyTo(CLOSED)).isEqualTo(CLOSED.withWarmUp(Duration.ofSeconds(10)));
    }

    @Test
    void aRateWarmsUpAnOpenModelTestAndUsersAClosedOne() {
        OpenLoadPlan open = (OpenLoadPlan) WarmUp.parse("10s at 500/s", WHERE).applyTo(OPEN);
        LoadPlan closed = (LoadPlan) WarmUp.parse(" 5s with 4 users ", WHERE).applyTo(CLOSED);

        assertThat(open.warmUp()).isEqualTo(Duration.ofSeconds(10));
        assertThat(open.warmUpPerSecond()).isEqualTo(500);
        assertThat(closed.warmUp()).isEqualTo(Duration.ofSeconds(5));
        assertThat(closed.usersInWarmUp()).isEqualTo(4);
        assertThat(((LoadPlan) WarmUp.parse("5s with 1 user", WHERE).applyTo(CLOSED)).warmUpUsers()).isEqualTo(1);
    }

    @Test
    void aLoadForTheOtherModelIsRefusedSayingWhatToWriteInstead() {
        assertThatThrownBy(() -> WarmUp.parse("10s at 500/s", WHERE).applyTo(CLOSED))
                .hasMessageContaining(WHERE, "'10s at 500/s'", "open model", "\"10s with 4 users\"");
        assertThatThrownBy(() -> WarmUp.parse("5s with 4 users", WHERE).applyTo(OPEN))
                .hasMessageContaining(WHERE, "'5s with 4 users'", "closed model", "\"5s at 500/s\"");
    }

    @Test
    void malformedWarmUpsAreRefusedNamingWhereAndTheForms() {
        assertThatThrownBy(() -> WarmUp.parse("10s at fast", WHERE))
                .hasMessageContaining(WHERE, "'10s at fast'", "\"10s at 500/s\"", "\"5s with 4 users\"");
        assertThatThrownBy(() -> WarmUp.parse("5s with 0 users", WHERE)).hasMessageContaining(WHERE, "0 users", "use 1 to 10000");
        assertThatThrownBy(() -> WarmUp.parse("soon", WHERE)).hasMessageContaining(WHERE, "'soon'");
    }
}
