package dev.perfgate.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TheilSenTest {

    @Test
    void slopeOfALineIsItsSlopeAndOutliersBarelyMoveIt() {
        double[] x = new double[20];
        double[] y = new double[20];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = 3 + 0.5 * i;
        }
        assertThat(TheilSen.slope(x, y)).isEqualTo(0.5);
        y[4] = 500;
        y[15] = -300;
        assertThat(TheilSen.slope(x, y)).isCloseTo(0.5, within(0.05));
    }

    @Test
    void noPairWithDistinctXHasNoSlope() {
        assertThat(TheilSen.slope(new double[] {1, 1}, new double[] {2, 5})).isNaN();
        assertThatThrownBy(() -> TheilSen.slope(new double[] {1, 2}, new double[] {1})).hasMessageContaining("one y per x");
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(TheilSen.median(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(TheilSen.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }
}
