package dev.perfgate.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class OneSampleTTest {

    @Test
    void studentsSleepDataGiveThePublishedStatistic() {
        // Student (1908) / R's ?sleep: extra sleep of drug 2 over drug 1 in 10 patients; R's
        // t.test(extra ~ group, paired = TRUE) gives t = -4.0621, df = 9, two-sided p = 0.002833.
        double[] drug2MinusDrug1 = {1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4};
        assertThat(OneSampleT.pValueGreater(drug2MinusDrug1)).isCloseTo(0.002833 / 2, within(2e-6));
        assertThat(OneSampleT.pValueLess(drug2MinusDrug1)).isCloseTo(1 - 0.002833 / 2, within(2e-6));
        // R's 95 % interval (two-sided, 0.025 each side): 0.7001142 .. 2.4598858
        double[] bounds = OneSampleT.interval(drug2MinusDrug1, 0.025);
        assertThat(bounds[0]).isCloseTo(0.7001142, within(1e-6));
        assertThat(bounds[1]).isCloseTo(2.4598858, within(1e-6));
    }

    @Test
    void theLowerBoundIsAboveZeroExactlyWhenTheTestRejects() {
        Random random = new Random(11);
        for (int run = 0; run < 500; run++) {
            double[] d = random.doubles(2 + random.nextInt(8)).map(u -> 0.02 + random.nextGaussian() * 0.03).toArray();
            boolean rejects = OneSampleT.pValueGreater(d) < 0.05;
            assertThat(OneSampleT.interval(d, 0.05)[0] > 0).as("run %s", run).isEqualTo(rejects);
        }
    }

    @Test
    void theSampleSizeGivesAboutThePowerAskedFor() {
        Random random = new Random(7);
        double sd = 0.025;
        double effect = 0.05;
        double alpha = 0.0125;
        int n = OneSampleT.sampleSize(sd, effect, alpha, 0.8);
        int significant = 0;
        int runs = 4000;
        for (int run = 0; run < runs; run++) {
            double[] d = random.doubles(n).map(u -> effect + random.nextGaussian() * sd).toArray();
            significant += OneSampleT.pValueGreater(d) < alpha ? 1 : 0;
        }
        assertThat(n).isBetween(5, 8);
        assertThat(significant / (double) runs).isBetween(0.75, 0.92); // the normal approximation of the noncentral t is a touch optimistic
        assertThat(OneSampleT.sampleSize(sd, effect / 2, alpha, 0.8)).isGreaterThan(2 * n); // half the effect: about four times the values in the normal limit, fewer here (n - 1 degrees of freedom)
    }

    @Test
    void equalValuesFallBackToTheSignTest() {
        assertThat(OneSampleT.pValueGreater(new double[] {0.01, 0.01, 0.01})).isEqualTo(0.125);
        assertThat(OneSampleT.pValueGreater(new double[] {0, 0, 0, 0})).isEqualTo(1);
        assertThat(OneSampleT.pValueLess(new double[] {0.01, 0.01, 0.01})).isEqualTo(1);
    }

    @Test
    void refusesWhatItCannotTest() {
        assertThatThrownBy(() -> OneSampleT.pValueGreater(new double[] {0.1})).hasMessageContaining("at least 2 values, got 1");
        assertThatThrownBy(() -> OneSampleT.pValueGreater(new double[] {0.1, Double.NaN})).hasMessageContaining("finite");
        assertThatThrownBy(() -> OneSampleT.interval(new double[] {0.1, 0.2}, 0.7)).hasMessageContaining("alphaEachSide");
    }
}
