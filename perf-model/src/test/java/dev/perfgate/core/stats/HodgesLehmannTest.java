package dev.perfgate.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class HodgesLehmannTest {

    @Test
    void theEstimateIsTheMedianOfTheWalshAverages() {
        // {1, 2, 3}: Walsh averages 1, 1.5, 2, 2, 2.5, 3 -> median 2.
        assertThat(HodgesLehmann.estimate(new double[] {3, 1, 2})).isEqualTo(2);
        // {0, 0, 9}: averages 0, 0, 0, 4.5, 4.5, 9 -> median 2.25: a wild pair moves it less than the mean (3).
        assertThat(HodgesLehmann.estimate(new double[] {0, 9, 0})).isEqualTo(2.25);
        // The example of the Javadoc: 15 averages of {-0.01, 0.05, 0.06, 0.07, 0.08}, the 8th is 0.06.
        assertThat(HodgesLehmann.estimate(new double[] {0.05, 0.08, -0.01, 0.06, 0.07})).isCloseTo(0.06, within(1e-12));
    }

    @Test
    void theEstimateFollowsAShiftAndIgnoresOneWildPair() {
        Random random = new Random(3);
        double[] d = random.doubles(15).map(u -> random.nextGaussian() * 0.02).toArray();
        double base = HodgesLehmann.estimate(d);
        assertThat(HodgesLehmann.estimate(Arrays.stream(d).map(v -> v + 0.1).toArray())).isCloseTo(base + 0.1, within(1e-12));
        double[] wild = d.clone();
        wild[0] = 5;
        assertThat(HodgesLehmann.estimate(wild)).isCloseTo(base, within(0.02));
    }

    @Test
    void withTenPairsTheBoundsAreTheEleventhWalshAverageFromEachEnd() {
        // n = 10, alpha 0.05: P(V <= 10) = 0.042 <= 0.05 < P(V <= 11), so the lower bound is the 11th smallest
        // of 55 Walsh averages and the upper bound the 11th largest:
        double[] d = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] walsh = new double[55];
        int at = 0;
        for (int i = 0; i < 10; i++) {
            for (int j = i; j < 10; j++) {
                walsh[at++] = (d[i] + d[j]) / 2;
            }
        }
        Arrays.sort(walsh);

        HodgesLehmann.Interval ci = HodgesLehmann.interval(d, 0.05);

        assertThat(ci.lower()).isEqualTo(walsh[10]);
        assertThat(ci.upper()).isEqualTo(walsh[44]);
    }

    @Test
    void theLowerBoundIsAboveZeroExactlyWhenTheOneSidedTestRejects() {
        Random random = new Random(17);
        for (int trial = 0; trial < 500; trial++) {
            int n = 3 + random.nextInt(30);
            double shift = random.nextGaussian() * 0.5;
            double[] d = random.doubles(n).map(u -> random.nextGaussian() + shift).toArray();
            HodgesLehmann.Interval ci = HodgesLehmann.interval(d, 0.05);
            assertThat(ci.lower() > 0).as(Arrays.toString(d)).isEqualTo(WilcoxonSignedRank.pValueGreater(d) <= 0.05);
            assertThat(ci.upper() < 0).as(Arrays.toString(d)).isEqualTo(WilcoxonSignedRank.pValueLess(d) <= 0.05);
        }
    }

    @Test
    void theIntervalCoversTheTrueShiftAsOftenAsItsLevelPromises() {
        Random random = new Random(99);
        int covered = 0;
        int runs = 3000;
        for (int run = 0; run < runs; run++) {
            double[] d = random.doubles(12).map(u -> 0.05 + random.nextGaussian() * 0.03).toArray();
            HodgesLehmann.Interval ci = HodgesLehmann.interval(d, 0.05);
            covered += ci.lower() <= 0.05 && 0.05 <= ci.upper() ? 1 : 0;
        }
        // Two-sided 90 % nominal; exact coverage for n = 12 is 1 - 2 P(V <= 17) = 0.9148.
        assertThat(covered / (double) runs).isBetween(0.895, 0.935);
    }

    @Test
    void tooFewPairsForTheLevelGiveAnUnboundedInterval() {
        // n = 4: the smallest one-sided p is 1/16 > 0.05, so no bound holds at 95 %.
        HodgesLehmann.Interval ci = HodgesLehmann.interval(new double[] {1, 2, 3, 4}, 0.05);
        assertThat(ci.lower()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ci.upper()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void aboveFiftyPairsTheNormalBoundsStayCloseToTheExactOnes() {
        Random random = new Random(8);
        double[] d = random.doubles(51).map(u -> random.nextGaussian()).toArray();
        HodgesLehmann.Interval ci = HodgesLehmann.interval(d, 0.05);
        assertThat(ci.lower()).isLessThan(HodgesLehmann.estimate(d));
        assertThat(ci.upper()).isGreaterThan(HodgesLehmann.estimate(d));
        assertThat(ci.lower() > 0).isEqualTo(WilcoxonSignedRank.pValueGreater(d) <= 0.05);
    }

    @Test
    void aLevelOutsideItsRangeIsRejected() {
        assertThatThrownBy(() -> HodgesLehmann.interval(new double[] {1}, 0.5)).hasMessageContaining("alphaEachSide");
    }
}
