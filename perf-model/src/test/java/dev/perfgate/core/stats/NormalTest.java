package dev.perfgate.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NormalTest {

    @ParameterizedTest(name = "P(Z >= {0}) = {1}")
    @CsvSource({
        // Reference values of the standard normal upper tail.
        "0,          0.5",
        "1.644854,   0.05",
        "1.959964,   0.025",
        "2.326348,   0.01",
        "1,          0.15865525393145707",
        "3,          0.0013498980316301",
        "5,          2.866515718791939e-07",
        "-1.644854,  0.95",
        "-3,         0.9986501019683699",
    })
    void upperTailMatchesReferenceValues(double z, double expected) {
        assertThat(Normal.upperTail(z)).isCloseTo(expected, withinPercentage(1e-4));
    }

    @Test
    void upperTailAtTheUsualCriticalValue() {
        assertThat(Normal.upperTail(0)).isCloseTo(0.5, within(1e-7));
        assertThat(Normal.upperTail(1.6449)).isCloseTo(0.05, within(1e-5));
    }

    @Test
    void upperTailIsSymmetricAndDecreasing() {
        double previous = 1;
        for (double z = -8; z <= 8; z += 0.01) {
            double tail = Normal.upperTail(z);
            assertThat(tail).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
            assertThat(tail + Normal.upperTail(-z)).isCloseTo(1, within(1e-7));
            previous = tail;
        }
    }

    @ParameterizedTest(name = "z for p = {0} is {1}")
    @CsvSource({
        "0.05,  1.6448536269514722",
        "0.025, 1.959963984540054",
        "0.01,  2.3263478740408408",
        "0.2,   0.8416212335729143",
        "0.5,   0",
        "0.9,   -1.2815515655446004",
        "1e-6,  4.753424308822899",
    })
    void upperQuantileMatchesReferenceValues(double p, double z) {
        assertThat(Quantiles.normalUpper(p)).isCloseTo(z, within(1e-6));
    }

    @Test
    void quantileAndTailAreInverse() {
        // p from 1e-6 to 0.5, log-spaced.
        for (double exponent = -6; exponent <= Math.log10(0.5) + 1e-12; exponent += 0.05) {
            double p = Math.pow(10, exponent);
            double z = Normal.upperQuantile(p);
            assertThat(Normal.upperTail(z)).as("p = %s", p).isCloseTo(p, withinPercentage(1e-4));
            assertThat(Normal.upperQuantile(Normal.upperTail(z))).as("z = %s", z).isCloseTo(z, within(1e-6));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -0.1, 1.5, Double.NaN, Double.POSITIVE_INFINITY})
    void quantileRejectsPOutsideTheOpenUnitInterval(double p) {
        assertThatThrownBy(() -> Quantiles.normalUpper(p))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("p: ")
                .hasMessageContaining("between 0 and 1");
    }
}
