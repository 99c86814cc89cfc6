package dev.perfgate.core.stats;

import java.util.Arrays;

/**
 * The Theil-Sen estimator of a trend: the median of the slopes between every pair of points. Unlike a
 * least-squares fit, a few outlying points (a GC pause, a noisy second) barely move it.
 *
 * <pre>{@code
 * double msPerSecond = TheilSen.slope(secondsSinceStart, p95Millis);
 * }</pre>
 */
public final class TheilSen {

    private TheilSen() {
    }

    /**
     * The median of the slopes between every pair of points with distinct x; {@code NaN} when there is
     * no such pair. Costs the square of the number of points.
     */
    public static double slope(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " points and y " + y.length + "; give one y per x");
        }
        double[] slopes = new double[x.length * (x.length - 1) / 2];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                if (x[j] != x[i]) {
                    slopes[n++] = (y[j] - y[i]) / (x[j] - x[i]);
                }
            }
        }
        return n == 0 ? Double.NaN : median(Arrays.copyOf(slopes, n));
    }

    /** The median of {@code values}, which must not be empty; {@code values} is left as it was. */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of no values; give at least one");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
