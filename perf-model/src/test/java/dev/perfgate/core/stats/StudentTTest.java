package dev.perfgate.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudentTTest {

    @ParameterizedTest(name = "df {0}: P(T >= {1})")
    @CsvSource({"1, 0.3", "1, 2", "1, 31.8", "1, -4", "2, 0.5", "2, 4.3", "2, 9.9", "2, -1.2"})
    void upperTailMatchesTheClosedFormsOfOneAndTwoDegreesOfFreedom(int df, double t) {
        // df 1 is the Cauchy distribution; df 2 has P(T >= t) = 1/2 - t / (2 sqrt(2 + t^2)).
        double expected = df == 1 ? 0.5 - Math.atan(t) / Math.PI : 0.5 - t / (2 * Math.sqrt(2 + t * t));
        assertThat(StudentT.upperTail(t, df)).isCloseTo(expected, withinPercentage(1e-6));
    }

    @ParameterizedTest(name = "t({0}, {1}) = {2}")
    @CsvSource({
        // Published critical values (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
        "0.025, 3,  3.182",
        "0.05,  5,  2.015",
        "0.005, 10, 3.169",
        "0.025, 30, 2.042",
        "0.01,  7,  2.998",
        "0.1,   4,  1.533",
    })
    void upperQuantileMatchesPublishedCriticalValues(double p, int df, double expected) {
        assertThat(StudentT.upperQuantile(p, df)).isCloseTo(expected, within(0.0006));
    }

    @Test
    void quantileAndTailAreInverseAndSymmetric() {
        for (double p : new double[] {1e-6, 0.001, 0.0125, 0.3, 0.5, 0.8, 0.999}) {
            for (int df : new int[] {1, 2, 3, 5, 12, 100}) {
                double t = StudentT.upperQuantile(p, df);
                assertThat(StudentT.upperTail(t, df)).as("p %s df %s", p, df).isCloseTo(p, withinPercentage(1e-6));
                assertThat(StudentT.upperTail(-t, df)).isCloseTo(1 - p, within(1e-9));
            }
        }
    }

    @Test
    void approachesTheNormalDistributionForManyDegreesOfFreedom() {
        assertThat(StudentT.upperTail(1.959964, 100_000)).isCloseTo(0.025, within(1e-5));
        assertThat(StudentT.upperQuantile(0.05, 100_000)).isCloseTo(Normal.upperQuantile(0.05), within(1e-4));
    }

    @Test
    void aOneSidedTestOnFiveNormalValuesRejectsATrueNullAtTheNominalRate() {
        Random random = new Random(20240601);
        int runs = 20_000;
        int rejected = 0;
        double critical = StudentT.upperQuantile(0.05, 4);
        for (int run = 0; run < runs; run++) {
            double[] x = new double[5];
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextGaussian();
                sum += x[i];
            }
            double mean = sum / x.length;
            double squares = 0;
            for (double v : x) {
                squares += (v - mean) * (v - mean);
            }
            if (mean / Math.sqrt(squares / (x.length - 1) / x.length) >= critical) {
                rejected++;
            }
        }
        assertThat(rejected / (double) runs).isCloseTo(0.05, within(0.005)); // the normal quantile would reject about 8 %
    }

    @Test
    void refusesImpossibleArguments() {
        assertThatThrownBy(() -> StudentT.upperTail(1, 0)).hasMessageContaining("degrees of freedom");
        assertThatThrownBy(() -> StudentT.upperQuantile(1.5, 3)).hasMessageContaining("strictly between 0 and 1");
        assertThat(StudentT.upperTail(Double.POSITIVE_INFINITY, 3)).isZero();
        assertThat(StudentT.upperTail(0, 3)).isEqualTo(0.5, within(1e-12));
    }
}
