package dev.perfgate.core.stats;

import java.util.Arrays;

/**
 * Holm's step-down correction of p-values for testing several hypotheses at once: with four gated
 * metrics, each at 0.05, about one clean run in six would fail on one of them by chance; after the
 * correction the chance that any of them does stays at most 0.05, whatever their dependence.
 *
 * <pre>{@code
 * double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03}); // {0.03, 0.06, 0.06}
 * }</pre>
 */
public final class Holm {

    private Holm() {
    }

    /**
     * The adjusted p-values, in the order given: the i-th smallest p times (m - i + 1), made monotone
     * and capped at 1. Compare each with the significance level as it is.
     *
     * @throws IllegalArgumentException when a p-value is not between 0 and 1
     */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        for (double p : pValues) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("p-value " + p + " is not between 0 and 1");
            }
        }
        Integer[] order = new Integer[m];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(pValues[a], pValues[b]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int step = 0; step < m; step++) {
            running = Math.max(running, Math.min(1, (m - step) * pValues[order[step]]));
            adjusted[order[step]] = running;
        }
        return adjusted;
    }
}
