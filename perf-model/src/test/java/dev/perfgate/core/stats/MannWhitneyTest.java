package dev.perfgate.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MannWhitneyTest {

    @Test
    void everyAfterAboveEveryBeforeInThreeAgainstThreeIsOneArrangementInTwenty() {
        // C(6, 3) = 20 equally likely ways to place the three "after" ranks; only {4, 5, 6} is this extreme.
        assertThat(MannWhitney.pValueGreater(new double[] {1, 2, 3}, new double[] {4, 5, 6})).isCloseTo(0.05, within(1e-12));
        assertThat(MannWhitney.pValueGreater(new double[] {3, 1, 2}, new double[] {6, 4, 5})).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void completeSeparationAtTheLargestExactSizeIsOneOverTheBinomialCoefficient() {
        // 20 x 20 = 400 pairs, the largest exact case: p = 1 / C(40, 20).
        double[] before = new double[20];
        double[] after = new double[20];
        for (int i = 0; i < 20; i++) {
            before[i] = i;
            after[i] = 100 + i;
        }
        assertThat(MannWhitney.pValueGreater(before, after)).isCloseTo(1 / 137_846_528_820.0, within(1e-20));
        assertThat(MannWhitney.pValueGreater(after, before)).isCloseTo(1, within(1e-12));
    }

    @Test
    void beyondFourHundredPairsTheNormalApproximationTakesOver() {
        // 21 x 20 = 420 pairs: complete separation gives U = 420, mean 210, variance 21 * 20 * 42 / 12.
        double[] before = new double[21];
        double[] after = new double[20];
        for (int i = 0; i < 21; i++) {
            before[i] = i;
        }
        for (int i = 0; i < 20; i++) {
            after[i] = 100 + i;
        }

        double p = MannWhitney.pValueGreater(before, after);

        assertThat(p).isCloseTo(Normal.upperTail((420 - 210 - 0.5) / Math.sqrt(21 * 20 * 42 / 12.0)), within(1e-15));
        assertThat(p).isGreaterThan(1e-9); // the exact value, 1 / C(41, 20), would be about 3.7e-12
    }

    @Test
    void interleavedSamplesFromOneDistributionGiveAboutOneHalf() {
        // U = 8, its mean under the null for 4 against 4: P(U >= 8) = 1/2 + P(U = 8)/2.
        double[] before = {1, 4, 5, 8};
        double[] after = {2, 3, 6, 7};

        double p = MannWhitney.pValueGreater(before, after);

        assertThat(p).isCloseTo(permutationPValue(before, after), within(1e-12));
        assertThat(p).isBetween(0.5, 0.6);
        // Shifted one rank up: U = 10 of 16; still nowhere near significance.
        assertThat(MannWhitney.pValueGreater(new double[] {1, 3, 5, 7}, new double[] {2, 4, 6, 8}))
                .isCloseTo(permutationPValue(new double[] {1, 3, 5, 7}, new double[] {2, 4, 6, 8}), within(1e-12))
                .isBetween(0.2, 0.5);
    }

    @Test
    void exactPEqualsTheFullPermutationTestForRandomSmallSamples() {
        Random random = new Random(7);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + random.nextInt(6);
            int m = 1 + random.nextInt(6);
            List<Double> pool = new ArrayList<>();
            for (int i = 0; i < n + m; i++) {
                pool.add(i + random.nextDouble() * 0.9); // distinct
            }
            Collections.shuffle(pool, random);
            double[] before = new double[n];
            double[] after = new double[m];
            for (int i = 0; i < n; i++) {
                before[i] = pool.get(i);
            }
            for (int i = 0; i < m; i++) {
                after[i] = pool.get(n + i);
            }

            assertThat(MannWhitney.pValueGreater(before, after))
                    .as("before %s, after %s", java.util.Arrays.toString(before), java.util.Arrays.toString(after))
                    .isCloseTo(permutationPValue(before, after), within(1e-9));
        }
    }

    @Test
    void bothDirectionsOfAnExactTestShareOnlyTheObservedArrangement() {
        // P(U >= u) + P(U <= u) = 1 + P(U = u); for a clear shift one side is tiny, the other near 1.
        double[] before = {10.1, 9.8, 10.3, 9.9, 10.0, 10.2};
        double[] after = {12.2, 11.9, 12.4, 10.25, 12.1, 12.0};

        double greater = MannWhitney.pValueGreater(before, after);
        double less = MannWhitney.pValueGreater(after, before);

        assertThat(greater).isLessThan(0.01);
        assertThat(less).isGreaterThan(0.99);
        double pointMass = permutationPValue(before, after) - permutationPValueStrict(before, after);
        assertThat(greater + less).isCloseTo(1 + pointMass, within(1e-12));
    }

    @Test
    void tiesUseTheNormalApproximationWithTieCorrection() {
        double[] before = {10, 10, 11, 12, 12, 13, 14, 10};
        double[] after = {11, 12, 12, 13, 14, 14, 15, 12};

        double p = MannWhitney.pValueGreater(before, after);

        // Independently: U by counting pairs (ties half), tie-corrected variance, continuity correction.
        double expected = Normal.upperTail((pairCount(before, after) - 32 - 0.5) / Math.sqrt(tieCorrectedVariance(before, after)));
        assertThat(p).isCloseTo(expected, within(1e-12));
        // The approximation stays close to the exact permutation p with mid-ranks.
        assertThat(p).isCloseTo(permutationPValue(before, after), within(0.01));
        assertThat(p).isBetween(0.0, 0.1);
        assertThat(MannWhitney.pValueGreater(after, before)).isBetween(0.9, 1.0);
    }

    @Test
    void tiedOrLargeSamplesStayProbabilities() {
        assertThat(MannWhitney.pValueGreater(new double[] {5, 5, 5}, new double[] {5, 5, 5})).isBetween(0.0, 1.0);
        assertThat(MannWhitney.pValueGreater(new double[] {5}, new double[] {5})).isBetween(0.0, 1.0);
        assertThat(MannWhitney.pValueGreater(new double[] {1, 1, 1, 1}, new double[] {2, 2, 2, 2})).isBetween(0.0, 0.05);
        assertThat(MannWhitney.pValueGreater(new double[] {2, 2, 2, 2}, new double[] {1, 1, 1, 1})).isBetween(0.95, 1.0);

        // 30 x 30 = 900 pairs, beyond the exact limit: normal approximation without ties.
        Random random = new Random(11);
        double[] before = new double[30];
        double[] after = new double[30];
        for (int i = 0; i < 30; i++) {
            before[i] = 10 + random.nextGaussian();
            after[i] = 13 + random.nextGaussian();
        }
        assertThat(MannWhitney.pValueGreater(before, after)).isBetween(0.0, 1e-6);
        assertThat(MannWhitney.pValueGreater(after, before)).isBetween(1 - 1e-6, 1.0);
        assertThat(MannWhitney.pValueGreater(before, before.clone())).isBetween(0.45, 0.55);
    }

    @Test
    void rejectsEmptyOrNanSamplesNamingTheSample() {
        assertThatThrownBy(() -> MannWhitney.pValueGreater(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("before").hasMessageContaining("empty");
        assertThatThrownBy(() -> MannWhitney.pValueGreater(new double[] {1}, new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("after").hasMessageContaining("empty");
        assertThatThrownBy(() -> MannWhitney.pValueGreater(null, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("before");
        assertThatThrownBy(() -> MannWhitney.pValueGreater(new double[] {1, Double.NaN}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("before").hasMessageContaining("NaN");
        assertThatThrownBy(() -> MannWhitney.pValueGreater(new double[] {1}, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("after").hasMessageContaining("NaN");
    }

    /** Pairs (b, a) with a > b, ties counting half. */
    private static double pairCount(double[] before, double[] after) {
        double u = 0;
        for (double b : before) {
            for (double a : after) {
                u += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        return u;
    }

    private static double tieCorrectedVariance(double[] before, double[] after) {
        int n = before.length;
        int m = after.length;
        double[] pooled = pool(before, after);
        java.util.Arrays.sort(pooled);
        double tieSum = 0;
        for (int i = 0; i < pooled.length;) {
            int j = i;
            while (j < pooled.length && pooled[j] == pooled[i]) {
                j++;
            }
            double t = j - i;
            tieSum += t * t * t - t;
            i = j;
        }
        int size = n + m;
        return n * m / 12.0 * ((size + 1) - tieSum / ((double) size * (size - 1)));
    }

    /** P(U >= observed) by assigning every subset of the pooled values to "after". */
    static double permutationPValue(double[] before, double[] after) {
        return permutation(before, after, false);
    }

    /** P(U > observed). */
    private static double permutationPValueStrict(double[] before, double[] after) {
        return permutation(before, after, true);
    }

    private static double permutation(double[] before, double[] after, boolean strict) {
        double[] pooled = pool(before, after);
        int size = pooled.length;
        int m = after.length;
        double observed = pairCount(before, after);
        long total = 0;
        long extreme = 0;
        for (int mask = 0; mask < 1 << size; mask++) {
            if (Integer.bitCount(mask) != m) {
                continue;
            }
            double[] b = new double[size - m];
            double[] a = new double[m];
            int bi = 0;
            int ai = 0;
            for (int i = 0; i < size; i++) {
                if ((mask & 1 << i) != 0) {
                    a[ai++] = pooled[i];
                } else {
                    b[bi++] = pooled[i];
                }
            }
            double u = pairCount(b, a);
            total++;
            if (strict ? u > observed + 1e-9 : u >= observed - 1e-9) {
                extreme++;
            }
        }
        return (double) extreme / total;
    }

    private static double[] pool(double[] before, double[] after) {
        double[] pooled = new double[before.length + after.length];
        System.arraycopy(before, 0, pooled, 0, before.length);
        System.arraycopy(after, 0, pooled, before.length, after.length);
        return pooled;
    }
}
