package dev.perfgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Think times and arrival rates as annotations and properties write them. */
class PlanTextTest {

    private static final String WHERE = "@LoadTest(x) on A.b";

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
        "0s         | 0s",
        "100ms      | 100ms",
        "5s..15s    | 5s to 15s",
        " 50ms..150ms | 50ms to 150ms",
        "~100ms     | exponential 100ms",
    })
    void thinkTimes(String text, String described) {
        assertThat(ThinkTime.parse(text, WHERE).describe()).isEqualTo(described);
    }

    @ParameterizedTest(name = "think time \"{0}\" is refused")
    @ValueSource(strings = { "", "fast", "5s..", "..5s", "15s..5s", "~", "~-1s", "1s..2s..3s" })
    void badThinkTimesNameWhereAndTheValidForms(String text) {
        assertThatThrownBy(() -> ThinkTime.parse(text, WHERE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(WHERE).hasMessageContaining("'" + text + "'").hasMessageContaining("\"5s..15s\"");
    }

    @ParameterizedTest(name = "\"{0}\" over 10 s: {1} arrivals")
    @CsvSource(delimiter = '|', value = {
        "50/s        | 500",
        "2.5/s       | 25",
        "10/s..30/s  | 200",
        "0/s..100/s  | 500",
    })
    void arrivalRates(String text, double arrivals) {
        ArrivalSchedule schedule = ArrivalSchedule.parse(text, Duration.ofSeconds(10), WHERE);

        assertThat(schedule.expectedArrivals()).isEqualTo(arrivals);
        assertThat(schedule.duration()).isEqualTo(Duration.ofSeconds(10));
    }

    @ParameterizedTest(name = "arrival rate \"{0}\" is refused")
    @ValueSource(strings = { "", "50", "50 per second", "-5/s", "1e3/s", "10/s..", "..10/s", "200000/s" })
    void badArrivalRatesNameWhereAndTheValidForms(String text) {
        assertThatThrownBy(() -> ArrivalSchedule.parse(text, Duration.ofSeconds(10), WHERE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(WHERE).hasMessageContaining("'" + text + "'").hasMessageContaining("\"10/s..100/s\"");
    }
}
