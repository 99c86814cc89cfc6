package dev.perfgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class ThinkTimeTest {

    private static final int DRAWS = 100_000;
    private static final long MS = 1_000_000;

    private static long[] draw(ThinkTime thinkTime) {
        SplittableRandom random = new SplittableRandom(42);
        return LongStream.range(0, DRAWS).map(i -> thinkTime.nextNanos(random)).toArray();
    }

    @Test
    void aFixedPauseIsAlwaysTheSame() {
        assertThat(draw(ThinkTime.fixed(Duration.ofMillis(100)))).containsOnly(100 * MS);
        assertThat(ThinkTime.NONE.nextNanos(new SplittableRandom())).isZero();
        assertThat(ThinkTime.fixed(Duration.ofMillis(100)).describe()).isEqualTo("100ms");
    }

    @Test
    void aUniformPauseCoversItsRangeEvenly() {
        ThinkTime uniform = ThinkTime.uniform(Duration.ofMillis(50), Duration.ofMillis(150));

        long[] pauses = draw(uniform);

        assertThat(LongStream.of(pauses).min().orElseThrow()).isGreaterThanOrEqualTo(50 * MS);
        assertThat(LongStream.of(pauses).max().orElseThrow()).isLessThanOrEqualTo(150 * MS);
        // The mean of n uniform draws has a standard deviation of (range / sqrt 12) / sqrt n: 0.09 ms here.
        assertThat(LongStream.of(pauses).average().orElseThrow()).isCloseTo(100.0 * MS, within(0.5 * MS));
        assertThat(LongStream.of(pauses).filter(p -> p < 75 * MS).count() / (double) DRAWS).isCloseTo(0.25, within(0.01));
        assertThat(uniform.mean()).isEqualTo(Duration.ofMillis(100));
        assertThat(uniform.describe()).isEqualTo("50ms to 150ms");
    }

    @Test
    void anExponentialPauseHasItsMeanAndItsTail() {
        ThinkTime exponential = ThinkTime.exponential(Duration.ofMillis(100));

        long[] pauses = draw(exponential);

        assertThat(LongStream.of(pauses).min().orElseThrow()).isNotNegative();
        // Standard deviation of the mean: 100 ms / sqrt n = 0.3 ms.
        assertThat(LongStream.of(pauses).average().orElseThrow()).isCloseTo(100.0 * MS, within(1.5 * MS));
        // P(pause > 2 x mean) = e^-2.
        assertThat(LongStream.of(pauses).filter(p -> p > 200 * MS).count() / (double) DRAWS).isCloseTo(Math.exp(-2), within(0.01));
        assertThat(exponential.describe()).isEqualTo("exponential 100ms");
    }

    @Test
    void invalidPausesAreRefusedNamingTheFieldAndAValidExample() {
        assertThatThrownBy(() -> ThinkTime.fixed(Duration.ofMillis(-1)))
                .hasMessageContaining("thinkTime: PT-0.001S must be zero or longer, e.g. Duration.ofMillis(100)");
        assertThatThrownBy(() -> ThinkTime.uniform(Duration.ofMillis(150), Duration.ofMillis(50)))
                .hasMessageContaining("thinkTime max: PT0.05S is shorter than min PT0.15S")
                .hasMessageContaining("ThinkTime.uniform(Duration.ofMillis(50), Duration.ofMillis(150))");
        assertThatThrownBy(() -> ThinkTime.exponential(Duration.ZERO))
                .hasMessageContaining("thinkTime mean: PT0S must be longer than zero");
        assertThatThrownBy(() -> new LoadPlan(1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), null, 0))
                .hasMessageContaining("thinkTime: none given");
        assertThatThrownBy(() -> new LoadPlan(1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)).withIterationsPerUser(-1))
                .hasMessageContaining("iterationsPerUser: -1 is out of range").hasMessageContaining("0 for no limit, e.g. 100");
    }
}
