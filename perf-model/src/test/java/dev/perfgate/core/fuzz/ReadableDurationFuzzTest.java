package dev.perfgate.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.time.ReadableDuration;

/** Random text in the alphabet of durations: parsed to a non-negative duration or refused naming where it came from. */
class ReadableDurationFuzzTest {

    private static final String ALPHABET = "0123456789msh MSH.-+dµ\t9";
    private static final String WHERE = "@LoadTest(duration)";

    @Test
    void randomTextIsParsedOrRefusedWithTheDocumentedError() {
        Random random = new Random(20261122L);
        int parsed = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(14);
            for (int c = 0; c < length; c++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            try {
                Duration duration = ReadableDuration.parse(text.toString(), WHERE);
                assertThat(duration.isNegative()).as("'%s' parsed as %s", text, duration).isFalse();
                parsed++;
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).as("'%s'", text).contains(WHERE).contains("'" + text + "'");
            }
        }
        assertThat(parsed).as("some random texts are durations").isPositive();
    }

    @Test
    void everyWholeMillisecondDurationSurvivesFormatThenParse() {
        Random random = new Random(20261122L);
        for (int i = 0; i < 20_000; i++) {
            Duration duration = Duration.ofMillis((long) (Math.pow(10, random.nextDouble() * 11)) - 1);
            assertThat(ReadableDuration.parse(ReadableDuration.format(duration), WHERE)).as("%s", duration).isEqualTo(duration);
        }
    }
}
