package dev.perfgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.fuzz.TextFuzzer;

/**
 * Think times, user stages and arrival rates as people mistype them: each text is read into a plan
 * that makes sense or refused with an {@link IllegalArgumentException} naming the attribute and the
 * text. No other exception, and no negative pause, empty schedule or infinite rate.
 */
class PlanTextFuzzTest {

    private static final int CASES = 20_000;

    @Test
    void thinkTimesAreReadOrRefusedNamingTheAttribute() {
        String where = "@LoadTest(thinkTime)";
        int read = fuzz(new TextFuzzer(1, "0123456789.~ msh-+", List.of("100ms", "5s..15s", "~100ms", "0s", "1m30s..2m")),
                text -> {
                    ThinkTime thinkTime = ThinkTime.parse(text, where);
                    assertThat(thinkTime.mean().isNegative()).as("'%s' -> %s", text, thinkTime).isFalse();
                    long pause = thinkTime.nextNanos(new java.util.SplittableRandom(7));
                    assertThat(pause).as("'%s' -> %s", text, thinkTime).isNotNegative();
                }, where);
        assertThat(read).isPositive();
    }

    @Test
    void userStagesAreReadOrRefusedNamingTheAttribute() {
        String where = "@LoadTest(stages)";
        int read = fuzz(new TextFuzzer(2, "0123456789 ->,rampholdoverfor ms", List.of(
                "ramp 0->20 over 10s, hold 20 for 30s, ramp 20->0 over 5s", "hold 5 for 2s", "ramp 1->200 over 1s, hold 200 for 5s")),
                text -> {
                    UserSchedule schedule = UserSchedule.parse(text, where);
                    assertThat(schedule.stages()).as("'%s'", text).isNotEmpty();
                    Duration total = schedule.stages().stream().map(UserStage::duration).reduce(Duration.ZERO, Duration::plus);
                    assertThat(total.isNegative()).as("'%s'", text).isFalse();
                }, where);
        assertThat(read).isPositive();
    }

    @Test
    void arrivalRatesAreReadOrRefusedNamingTheAttribute() {
        String where = "@LoadTest(arrivalRate)";
        int read = fuzz(new TextFuzzer(3, "0123456789./s eE-+", List.of("50/s", "10/s..100/s", "0.5/s", "100000/s")),
                text -> {
                    ArrivalSchedule schedule = ArrivalSchedule.parse(text, Duration.ofSeconds(10), where);
                    assertThat(schedule.peakPerSecond()).as("'%s'", text).isFinite().isNotNegative();
                    assertThat(schedule.expectedArrivals()).as("'%s'", text).isFinite().isNotNegative();
                }, where);
        assertThat(read).isPositive();
    }

    /** Runs {@code parse} on every text; returns how many were read. */
    private static int fuzz(TextFuzzer fuzzer, Consumer<String> parse, String where) {
        int read = 0;
        for (String text : fuzzer.texts(CASES)) {
            try {
                parse.accept(text);
                read++;
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).as("refusal of '%s'", text).contains(where);
            } catch (RuntimeException unexpected) {
                fail("'" + text + "' threw " + unexpected, unexpected);
            }
        }
        return read;
    }
}
