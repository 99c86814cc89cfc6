package dev.perfgate.core.stats;

/**
 * Student's t distribution, for tests on a handful of values whose spread is estimated from
 * themselves (e.g. one difference per application instance of a side-by-side run). Accurate to
 * about 1e-10 in the tail probability, far beyond what a gate's decision needs.
 *
 * <pre>{@code
 * double p = StudentT.upperTail(2.5, 5);        // P(T >= 2.5) with 5 degrees of freedom: 0.0272
 * double t = StudentT.upperQuantile(0.05, 5);   // 2.015
 * }</pre>
 */
public final class StudentT {

    private StudentT() {
    }

    /** P(T >= t) for T with {@code df} degrees of freedom (df >= 1). */
    public static double upperTail(double t, double df) {
        requirePositive(df);
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return t > 0 ? 0 : 1;
        }
        double tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5); // P(|T| >= |t|) / 2
        return t >= 0 ? tail : 1 - tail;
    }

    /** The t with P(T >= t) = p, for {@code 0 < p < 1} (bisection on {@link #upperTail}, to 1e-12). */
    public static double upperQuantile(double p, double df) {
        requirePositive(df);
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p: " + p + " must lie strictly between 0 and 1");
        }
        if (p > 0.5) {
            return -upperQuantile(1 - p, df);
        }
        double low = 0;
        double high = 1;
        while (upperTail(high, df) > p) {
            high *= 2;
        }
        while (high - low > 1e-12 * Math.max(1, high)) {
            double middle = (low + high) / 2;
            if (upperTail(middle, df) > p) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    private static void requirePositive(double df) {
        if (!(df > 0)) {
            throw new IllegalArgumentException("degrees of freedom: " + df + " must be above 0");
        }
    }

    /** I_x(a, b), the regularized incomplete beta function (Numerical Recipes' continued fraction, symmetry for fast convergence). */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * continuedFraction(x, a, b) / a;
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < tiny ? tiny : d);
        double h = d;
        for (int m = 1; m <= 10_000; m++) {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 / nonZero(1 + even * d, tiny);
            c = nonZero(1 + even / c, tiny);
            h *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 / nonZero(1 + odd * d, tiny);
            c = nonZero(1 + odd / c, tiny);
            double step = d * c;
            h *= step;
            if (Math.abs(step - 1) < 1e-15) {
                break;
            }
        }
        return h;
    }

    private static double nonZero(double value, double tiny) {
        return Math.abs(value) < tiny ? tiny : value;
    }

    /** ln Gamma(x) for x > 0 (Lanczos, g = 7, 9 terms; relative error about 1e-15). */
    static double logGamma(double x) {
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = c[0];
        for (int i = 1; i < c.length; i++) {
            sum += c[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
