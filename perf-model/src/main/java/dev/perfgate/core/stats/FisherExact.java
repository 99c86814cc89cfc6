package dev.perfgate.core.stats;

/**
 * Fisher's exact test on two proportions, one-sided: is the error rate {@code after} larger than
 * {@code before}? Exact for any counts (hypergeometric tail summed in log space), so it stays right
 * for the rare errors of a healthy service, where approximations fail.
 *
 * <pre>{@code
 * double p = FisherExact.pValueGreater(2, 10_000, 40, 10_000); // tiny: errors really rose
 * }</pre>
 */
public final class FisherExact {

    private FisherExact() {
    }

    /**
     * The probability, were both runs equally error-prone, of {@code errorsAfter} or more of the
     * errors falling into the second run.
     *
     * @throws IllegalArgumentException when a count is negative or errors exceed their total
     */
    public static double pValueGreater(long errorsBefore, long totalBefore, long errorsAfter, long totalAfter) {
        if (errorsBefore < 0 || errorsAfter < 0 || errorsBefore > totalBefore || errorsAfter > totalAfter) {
            throw new IllegalArgumentException("counts must satisfy 0 <= errors <= total: " + errorsBefore + "/" + totalBefore
                    + ", " + errorsAfter + "/" + totalAfter);
        }
        long errors = errorsBefore + errorsAfter;
        long total = totalBefore + totalAfter;
        long maxAfter = Math.min(errors, totalAfter);
        double p = 0;
        for (long k = errorsAfter; k <= maxAfter; k++) {
            p += Math.exp(logHypergeometric(k, totalAfter, errors, total));
        }
        return Math.min(1, p);
    }

    /** log P(X = k) for X ~ Hypergeometric(population, successes, draws). */
    private static double logHypergeometric(long k, long draws, long successes, long population) {
        return logChoose(successes, k) + logChoose(population - successes, draws - k) - logChoose(population, draws);
    }

    private static double logChoose(long n, long k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    private static double logFactorial(long n) {
        if (n < 2) {
            return 0;
        }
        if (n < 256) {
            double sum = 0;
            for (long i = 2; i <= n; i++) {
                sum += Math.log(i);
            }
            return sum;
        }
        // Stirling's series; its error at n >= 256 is below 1e-12.
        double x = n;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }
}
