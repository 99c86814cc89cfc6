package dev.perfgate.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FisherExactTest {

    @Test
    void noErrorsBeforeAndFiveOfAHundredAfter() {
        // All five errors in the second run: C(100, 5) / C(200, 5) = 75,287,520 / 2,535,650,040.
        double p = FisherExact.pValueGreater(0, 100, 5, 100);

        assertThat(p).isCloseTo(75_287_520.0 / 2_535_650_040.0, within(1e-12));
        assertThat(p).isCloseTo(0.0297, within(0.00005));
        assertThat(p).isCloseTo(exactTail(0, 100, 5, 100), within(1e-12));
    }

    @ParameterizedTest(name = "{0}/{1} vs {2}/{3}")
    @CsvSource({
        "1, 20, 6, 20",
        "3, 50, 3, 50",
        "7, 40, 2, 60",
        "2, 10000, 40, 10000",
        "0, 300, 4, 250",      // totals above 255: Stirling's series
        "12, 1000, 25, 1200",
        "150, 400, 170, 400",
        "0, 5, 5, 5",
        "5, 5, 0, 5",
    })
    void equalsTheHypergeometricTailSummedExactly(long errorsBefore, long totalBefore, long errorsAfter, long totalAfter) {
        double expected = exactTail(errorsBefore, totalBefore, errorsAfter, totalAfter);

        double p = FisherExact.pValueGreater(errorsBefore, totalBefore, errorsAfter, totalAfter);

        assertThat(p).isCloseTo(expected, within(1e-9));
        if (expected > 1e-300) {
            assertThat(p).isCloseTo(expected, withinPercentage(1e-6));
        }
    }

    @Test
    void equalsTheExactTailForRandomTables() {
        Random random = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            long totalBefore = 1 + random.nextInt(600);
            long totalAfter = 1 + random.nextInt(600);
            long errorsBefore = random.nextInt((int) Math.min(totalBefore, 30) + 1);
            long errorsAfter = random.nextInt((int) Math.min(totalAfter, 30) + 1);
            double expected = exactTail(errorsBefore, totalBefore, errorsAfter, totalAfter);

            assertThat(FisherExact.pValueGreater(errorsBefore, totalBefore, errorsAfter, totalAfter))
                    .as("%d/%d vs %d/%d", errorsBefore, totalBefore, errorsAfter, totalAfter)
                    .isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void noErrorsAfterIsNoEvidence() {
        assertThat(FisherExact.pValueGreater(0, 100, 0, 100)).isEqualTo(1.0);
        assertThat(FisherExact.pValueGreater(0, 0, 0, 0)).isEqualTo(1.0);
        assertThat(FisherExact.pValueGreater(5, 100, 0, 100)).isCloseTo(1.0, within(1e-12));
        // Log factorials near 3e7 carry about 1e-8 of rounding: close to 1 at that scale.
        assertThat(FisherExact.pValueGreater(400, 1_000_000, 0, 1_000_000)).isCloseTo(1.0, within(1e-7));
    }

    @Test
    void millionsOfRequestsAreFastAndSensible() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            // 100 against 150 errors in a million requests each: with few errors among many requests the
            // second run's share of the 250 errors is close to Binomial(250, 1/2).
            double p = FisherExact.pValueGreater(100, 1_000_000, 150, 1_000_000);
            assertThat(p).isCloseTo(binomialHalfTail(250, 150), withinPercentage(1));
            assertThat(p).isBetween(0.0005, 0.002);

            // Same counts: no evidence; a tenfold rise: overwhelming.
            assertThat(FisherExact.pValueGreater(100, 1_000_000, 100, 1_000_000)).isBetween(0.45, 0.55);
            assertThat(FisherExact.pValueGreater(100, 1_000_000, 1_000, 1_000_000)).isBetween(0.0, 1e-100);

            // The worst case for the summation: half a million terms.
            assertThat(FisherExact.pValueGreater(500_000, 1_000_000, 0, 1_000_000)).isCloseTo(1.0, within(1e-6));
            // Hundreds of thousands of errors: the normal approximation of the hypergeometric is close.
            double mean = 500_500 / 2.0;
            double sd = Math.sqrt(1_000_000 * (500_500 / 2e6) * (1 - 500_500 / 2e6) * (1_000_000 / (2e6 - 1)));
            assertThat(FisherExact.pValueGreater(250_000, 1_000_000, 250_500, 1_000_000))
                    .isCloseTo(Normal.upperTail((250_500 - 0.5 - mean) / sd), withinPercentage(2));

            for (long after = 0; after <= 2_000; after += 100) {
                double each = FisherExact.pValueGreater(1_000, 1_000_000, after, 1_000_000);
                assertThat(each).isBetween(0.0, 1.0).isNotNaN();
            }
        });
    }

    @Test
    void moreErrorsAfterNeverRaisesP() {
        double previous = 1;
        for (long after = 0; after <= 60; after++) {
            double p = FisherExact.pValueGreater(10, 5_000, after, 5_000);
            assertThat(p).isLessThanOrEqualTo(previous + 1e-12);
            previous = p;
        }
        assertThat(previous).isLessThan(1e-6);
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> FisherExact.pValueGreater(-1, 100, 0, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 <= errors <= total").hasMessageContaining("-1/100");
        assertThatThrownBy(() -> FisherExact.pValueGreater(0, 100, -2, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-2/100");
        assertThatThrownBy(() -> FisherExact.pValueGreater(101, 100, 0, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("101/100");
        assertThatThrownBy(() -> FisherExact.pValueGreater(0, 100, 7, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7/5");
    }

    /** P(X >= errorsAfter) for X ~ Hypergeometric, in exact integer arithmetic. */
    private static double exactTail(long errorsBefore, long totalBefore, long errorsAfter, long totalAfter) {
        long errors = errorsBefore + errorsAfter;
        long total = totalBefore + totalAfter;
        BigInteger tail = BigInteger.ZERO;
        for (long k = errorsAfter; k <= Math.min(errors, totalAfter); k++) {
            tail = tail.add(choose(errors, k).multiply(choose(total - errors, totalAfter - k)));
        }
        return new BigDecimal(tail).divide(new BigDecimal(choose(total, totalAfter)), MathContext.DECIMAL128).doubleValue();
    }

    /** P(X >= k) for X ~ Binomial(n, 1/2). */
    private static double binomialHalfTail(int n, int k) {
        BigInteger tail = BigInteger.ZERO;
        for (int i = k; i <= n; i++) {
            tail = tail.add(choose(n, i));
        }
        return new BigDecimal(tail).divide(new BigDecimal(BigInteger.TWO.pow(n)), MathContext.DECIMAL128).doubleValue();
    }

    private static BigInteger choose(long n, long k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        k = Math.min(k, n - k);
        BigInteger result = BigInteger.ONE;
        for (long i = 1; i <= k; i++) {
            result = result.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        }
        return result;
    }
}
