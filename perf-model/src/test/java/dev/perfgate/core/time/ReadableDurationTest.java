package dev.perfgate.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReadableDurationTest {

    private static final String WHERE = "@LoadTest(duration)";

    @ParameterizedTest(name = "\"{0}\" is {1} ms")
    @CsvSource(delimiter = '|', value = {
        "250ms   | 250",
        "30s     | 30000",
        "2m      | 120000",
        "1h      | 3600000",
        "1m30s   | 90000",
        "1h2m3s4ms | 3723004",
        "0s      | 0",
    })
    void parsesEachUnitAndSums(String text, long millis) {
        assertThat(ReadableDuration.parse(text, WHERE)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void parsesUpperCase() {
        assertThat(ReadableDuration.parse("30S", WHERE)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ReadableDuration.parse("250MS", WHERE)).isEqualTo(Duration.ofMillis(250));
        assertThat(ReadableDuration.parse("1M30S", WHERE)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void ignoresSurroundingWhitespace() {
        assertThat(ReadableDuration.parse("  2m \t", WHERE)).isEqualTo(Duration.ofMinutes(2));
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "10", "s", "10x", "-5s", "1.5s", "30s10", "1m 30s", "ms10", "99999999999999999999s"})
    void rejectsWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> ReadableDuration.parse(text, WHERE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(WHERE)
                .hasMessageContaining("'" + text + "'");
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @ValueSource(strings = {"922337203685477580h", "9223372036854775807s9223372036854775807s"})
    void rejectsAmountsTooLargeForADuration(String text) {
        // Each number fits in a long, but the duration overflows: still the documented exception.
        assertThatThrownBy(() -> ReadableDuration.parse(text, WHERE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(WHERE)
                .hasMessageContaining(text);
    }

    @Test
    void formatsInTheNotationItParses() {
        assertThat(ReadableDuration.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(ReadableDuration.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(ReadableDuration.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(ReadableDuration.format(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(ReadableDuration.format(Duration.ofDays(2).plusMillis(5))).isEqualTo("48h5ms");
    }

    @Test
    void formatThenParseRoundTripsWholeMilliseconds() {
        Random random = new Random(20240611L);
        for (int i = 0; i < 10_000; i++) {
            // Mix magnitudes so that every combination of units present and absent occurs.
            long bound = switch (i % 4) {
                case 0 -> 1_000L;
                case 1 -> 60_000L;
                case 2 -> 3_600_000L;
                default -> 1_000L * 3_600_000L;
            };
            Duration duration = Duration.ofMillis(random.nextLong(bound));
            String text = ReadableDuration.format(duration);
            assertThat(ReadableDuration.parse(text, WHERE)).as("parse(\"%s\")", text).isEqualTo(duration);
        }
    }

    @Test
    void aDurationUnderAMillisecondFormatsAsZeroMillisecondsNotAsNothing() {
        assertThat(ReadableDuration.format(Duration.ofNanos(500_000))).isEqualTo("0ms");
        assertThat(ReadableDuration.parse(ReadableDuration.format(Duration.ofNanos(1)), WHERE)).isEqualTo(Duration.ZERO);
        assertThat(ReadableDuration.format(Duration.ofNanos(1_500_000))).isEqualTo("1ms");
    }
}
