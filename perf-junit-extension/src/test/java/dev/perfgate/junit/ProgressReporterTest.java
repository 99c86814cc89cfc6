package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The coordinator's line for a run its workers carry out: phase and time on its own clock. */
class ProgressReporterTest {

    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration MEASURED = Duration.ofSeconds(90);

    @Test
    void beforeTheSharedStartTheLineCountsDownToIt() {
        assertThat(line(Duration.ofMillis(-4_200))).isEqualTo("Shop.buy starts in 00:05, on 4 workers");
    }

    @Test
    void inTheWarmUpAndTheMeasuredPhaseTheLineShowsEachPhasesOwnTime() {
        assertThat(line(Duration.ofSeconds(3))).isEqualTo("Shop.buy 00:03/00:10 warm-up, on 4 workers");
        assertThat(line(Duration.ofSeconds(10))).isEqualTo("Shop.buy 00:00/01:30 measured, on 4 workers");
        assertThat(line(Duration.ofSeconds(75))).isEqualTo("Shop.buy 01:05/01:30 measured, on 4 workers");
    }

    @Test
    void afterTheMeasuredPhaseTheLineSaysTheResultsAreAwaited() {
        assertThat(line(WARM_UP.plus(MEASURED))).isEqualTo("Shop.buy measured phase over, waiting for the results of 4 workers");
    }

    private static String line(Duration sinceStart) {
        return ProgressReporter.workersLine("Shop.buy", sinceStart, WARM_UP, MEASURED, 4);
    }
}
