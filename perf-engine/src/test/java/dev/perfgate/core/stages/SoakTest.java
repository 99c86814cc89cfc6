package dev.perfgate.core.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.result.SecondFigures;
import dev.perfgate.core.result.StageReport;

/**
 * A soak's drift drawn from given seconds, so that the estimate itself is checked exactly; the run
 * against a real leaking server is in the engine's staged-run tests.
 */
class SoakTest {

    @Test
    void aLatencyThatGrowsLinearlyDriftsByItsSlope() {
        double perSecond = 0.2;
        List<SecondFigures> seconds = seconds(0, 30, s -> 5 + perSecond * s);

        StageReport report = Soak.report(List.of(), seconds);

        assertThat(report.driftMsPerMinute()).isCloseTo(perSecond * 60, within(0.001));
        // from the first measured second's p95 (5 ms) to the last's, 29 seconds later
        assertThat(report.driftPercent()).isCloseTo(perSecond * 29 / 5 * 100, within(0.1));
        assertThat(report.verdict()).startsWith("p95 drift +12.00 ms/min");
    }

    @Test
    void aFlatLatencyWithAFewSlowSecondsHasNoDrift() {
        // 5 ms give or take 0.3, and three seconds of 40 ms late in the run: a mean-squares line
        // through these would climb; the median of the pairwise slopes does not.
        List<SecondFigures> seconds = seconds(0, 30, s -> s == 19 || s == 24 || s == 28 ? 40 : 5 + (s % 2 == 0 ? 0.3 : -0.3));

        StageReport report = Soak.report(List.of(), seconds);

        assertThat(Math.abs(report.driftMsPerMinute())).as(report.verdict()).isLessThan(1);
    }

    @Test
    void warmUpSecondsAndSecondsWithoutASuccessAreLeftOut() {
        List<SecondFigures> seconds = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            seconds.add(second(s, true, 10, 80 - 10 * s));
        }
        seconds.addAll(seconds(5, 20, s -> 5));
        seconds.add(second(20, false, 0, 0));

        StageReport report = Soak.report(List.of(), seconds);

        assertThat(report.driftMsPerMinute()).isZero();
        assertThat(report.driftPercent()).isZero();
    }

    @Test
    void fewerThanTwoMeasuredSecondsGiveNoDrift() {
        StageReport report = Soak.report(List.of(), seconds(0, 1, s -> 5));

        assertThat(report.driftMsPerMinute()).isNull();
        assertThat(report.verdict()).startsWith("no drift");
    }

    @Test
    void aLongRunIsFittedToAtMostTheMaximumNumberOfWindows() {
        int length = Soak.MAX_WINDOWS * 2 + 1;
        List<SecondFigures> seconds = seconds(0, length, s -> 5 + 0.01 * s);

        double[][] points = Soak.windows(seconds);

        assertThat(points[0]).hasSizeLessThanOrEqualTo(Soak.MAX_WINDOWS);
        assertThat(points[0][0]).isEqualTo(1.5);
        assertThat(Soak.report(List.of(), seconds).driftMsPerMinute()).isCloseTo(0.6, within(0.001));
    }

    /** Measured seconds {@code from} (inclusive) to {@code to} with the p95 {@code p95}, each with a success. */
    private static List<SecondFigures> seconds(int from, int to, IntToDoubleFunction p95) {
        List<SecondFigures> seconds = new ArrayList<>();
        for (int s = from; s < to; s++) {
            seconds.add(second(s, false, 100, p95.applyAsDouble(s)));
        }
        return seconds;
    }

    private static SecondFigures second(int second, boolean warmUp, long requests, double p95) {
        return new SecondFigures(second, warmUp, requests, 0, p95 / 2, p95, p95 * 1.2, 2);
    }
}
