package dev.perfgate.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class WilcoxonSignedRankTest {

    @Test
    void fivePositiveDifferencesAreOneSignPatternInThirtyTwo() {
        assertThat(WilcoxonSignedRank.pValueGreater(new double[] {0.3, 0.1, 0.5, 0.2, 0.4})).isCloseTo(1 / 32.0, within(1e-15));
        assertThat(WilcoxonSignedRank.pValueLess(new double[] {0.3, 0.1, 0.5, 0.2, 0.4})).isCloseTo(1, within(1e-15));
    }

    @Test
    void hollanderAndWolfeDepressionDataGiveTheTextbookExactP() {
        // Hollander & Wolfe (1973) p. 29, the example of R's ?wilcox.test: x - y for 9 patients.
        // V = 40 (the negative differences have ranks 2 and 3); P(V >= 40) = P(V <= 5) = 10 / 512 = 0.01953.
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
        double[] d = new double[9];
        Arrays.setAll(d, i -> x[i] - y[i]);

        assertThat(WilcoxonSignedRank.pValueGreater(d)).isCloseTo(10 / 512.0, within(1e-15));
    }

    @Test
    void theOneSidedCriticalValuesOfThePublishedTableHold() {
        // Standard table of the signed-rank test, alpha = 0.05 one-sided: n = 10 rejects for T- <= 10
        // (P = 0.0420) and not for T- = 11 (P = 0.0527); n = 20 rejects for T- <= 60 (P = 0.0487).
        assertThat(WilcoxonSignedRank.lowerTail(10, 10)).isCloseTo(43 / 1024.0, within(1e-15));
        assertThat(WilcoxonSignedRank.lowerTail(10, 11)).isCloseTo(54 / 1024.0, within(1e-15));
        assertThat(WilcoxonSignedRank.lowerTail(20, 60)).isCloseTo(0.0487, within(5e-5));
        assertThat(WilcoxonSignedRank.lowerTail(20, 61)).isGreaterThan(0.05);
    }

    @Test
    void exactPEqualsEnumerationOfEverySignPatternEvenWithTiesAndZeros() {
        Random random = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(12);
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = (random.nextInt(9) - 3) * 0.5; // few distinct sizes: ties and zeros on purpose
            }
            assertThat(WilcoxonSignedRank.pValueGreater(d)).as(Arrays.toString(d)).isCloseTo(enumeratedPValue(d), within(1e-12));
        }
    }

    @Test
    void everyDifferenceZeroIsNoEvidenceEitherWay() {
        assertThat(WilcoxonSignedRank.pValueGreater(new double[] {0, 0, 0})).isEqualTo(1);
        assertThat(WilcoxonSignedRank.pValueLess(new double[] {0, 0, 0})).isEqualTo(1);
    }

    @Test
    void bothTailsTogetherCoverEverythingOnceAndTheObservedValueTwice() {
        Random random = new Random(5);
        for (int trial = 0; trial < 100; trial++) {
            double[] d = random.doubles(1 + random.nextInt(40), -1, 1.2).toArray();
            double greater = WilcoxonSignedRank.pValueGreater(d);
            double less = WilcoxonSignedRank.pValueLess(d);
            assertThat(greater + less).isGreaterThan(1).isLessThanOrEqualTo(1 + 1e-12 + pointProbability(d));
        }
    }

    @Test
    void aboveFiftyPairsTheNormalApproximationAgreesWithTheExactDistribution() {
        // 51 differences, 36 positive with the largest ranks: the approximation, against the exact
        // distribution of 51 untied ranks (computed here by the same recursion as the exact path).
        double[] d = new double[51];
        for (int i = 0; i < 51; i++) {
            d[i] = (i < 15 ? -1 : 1) * (i + 1);
        }
        double approximate = WilcoxonSignedRank.pValueGreater(d);
        double positiveRankSum = 51 * 52 / 2.0 - 15 * 16 / 2.0;
        double exact = 1 - WilcoxonSignedRank.lowerTail(51, (int) positiveRankSum - 1);

        assertThat(approximate).isCloseTo(exact, within(0.002));
        double mean = 51 * 52 / 4.0;
        double sd = Math.sqrt(51 * 52 * 103 / 24.0);
        assertThat(approximate).isCloseTo(Normal.upperTail((positiveRankSum - mean - 0.5) / sd), within(1e-15));
    }

    @Test
    void falseAlarmsUnderTheNullStayAtTheLevel() {
        Random random = new Random(20240601);
        int alarms = 0;
        int runs = 4000;
        for (int run = 0; run < runs; run++) {
            double[] d = random.doubles(10).map(u -> random.nextGaussian()).toArray();
            if (WilcoxonSignedRank.pValueGreater(d) <= 0.05) {
                alarms++;
            }
        }
        // Exact level for n = 10 is P(V >= 45) = 43 / 1024 = 0.042; 4000 runs put the share within about +-0.01.
        assertThat(alarms / (double) runs).isBetween(0.030, 0.055);
    }

    @Test
    void badInputIsRejectedWithWhatIsWrong() {
        assertThatThrownBy(() -> WilcoxonSignedRank.pValueGreater(new double[0])).hasMessageContaining("at least one pair");
        assertThatThrownBy(() -> WilcoxonSignedRank.pValueGreater(new double[] {1, Double.NaN})).hasMessageContaining("NaN");
    }

    /** P(V+ >= observed) by listing all 2^n sign patterns of the non-zero differences, mid-ranks for ties. */
    private static double enumeratedPValue(double[] d) {
        double[] nonZero = Arrays.stream(d).filter(v -> v != 0).toArray();
        int n = nonZero.length;
        if (n == 0) {
            return 1;
        }
        double[] ranks = new double[n];
        for (int i = 0; i < n; i++) {
            double below = 0;
            double equal = 0;
            for (double other : nonZero) {
                below += Math.abs(other) < Math.abs(nonZero[i]) ? 1 : 0;
                equal += Math.abs(other) == Math.abs(nonZero[i]) ? 1 : 0;
            }
            ranks[i] = below + (equal + 1) / 2;
        }
        double observed = 0;
        for (int i = 0; i < n; i++) {
            observed += nonZero[i] > 0 ? ranks[i] : 0;
        }
        int atLeast = 0;
        for (int pattern = 0; pattern < 1 << n; pattern++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += (pattern >> i & 1) == 1 ? ranks[i] : 0;
            }
            atLeast += sum >= observed - 1e-9 ? 1 : 0;
        }
        return atLeast / (double) (1 << n);
    }

    private static double pointProbability(double[] d) {
        // P(V = observed) <= P(V >= observed) and <= P(V <= observed); the sum exceeds 1 by exactly this.
        return Math.min(WilcoxonSignedRank.pValueGreater(d), WilcoxonSignedRank.pValueLess(d));
    }
}
