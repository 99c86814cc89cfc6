package dev.perfgate.core.stats;

/** Quantiles of the standard normal distribution, for sample-size estimates. */
public final class Quantiles {

    private Quantiles() {
    }

    /** The z with P(Z >= z) = p for a standard normal Z, {@code 0 < p < 1}; e.g. 1.645 for 0.05. */
    public static double normalUpper(double p) {
        return Normal.upperQuantile(p);
    }
}
