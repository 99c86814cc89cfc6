package dev.perfgate.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class HolmTest {

    @Test
    void theSmallestIsMultipliedByTheCountAndLaterOnesNeverFallBelowIt() {
        // R: p.adjust(c(0.01, 0.04, 0.03), "holm") = 0.03 0.06 0.06
        assertThat(Holm.adjust(new double[] {0.01, 0.04, 0.03})).containsExactly(new double[] {0.03, 0.06, 0.06}, within(1e-15));
        // R: p.adjust(c(0.5, 0.001, 0.2, 0.01), "holm") = 0.5 0.004 0.4 0.03 (4 x 0.001, 3 x 0.01, 2 x 0.2, 1 x 0.5)
        assertThat(Holm.adjust(new double[] {0.5, 0.001, 0.2, 0.01})).containsExactly(new double[] {0.5, 0.004, 0.4, 0.03}, within(1e-15));
        assertThat(Holm.adjust(new double[] {0.9, 0.8})).containsExactly(1.0, 1.0);
    }

    @Test
    void adjustedValuesAreNeverSmallerAndKeepTheOrderOfTheRawOnes() {
        Random random = new Random(1);
        for (int trial = 0; trial < 200; trial++) {
            double[] p = random.doubles(1 + random.nextInt(8)).toArray();
            double[] adjusted = Holm.adjust(p);
            for (int i = 0; i < p.length; i++) {
                assertThat(adjusted[i]).isBetween(p[i], 1.0);
                for (int j = 0; j < p.length; j++) {
                    if (p[i] < p[j]) {
                        assertThat(adjusted[i]).isLessThanOrEqualTo(adjusted[j]);
                    }
                }
            }
        }
    }

    @Test
    void aPValueOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> Holm.adjust(new double[] {0.1, 1.5})).hasMessageContaining("1.5");
    }
}
