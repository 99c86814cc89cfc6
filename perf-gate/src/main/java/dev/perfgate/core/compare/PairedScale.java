package dev.perfgate.core.compare;

import java.util.Locale;

/**
 * How a metric's paired values become differences where positive is worse, and back: the log ratio
 * {@code ln(B / A)} for latencies ({@code ln(A / B)} for throughput), so a 5 % slowdown is about
 * 0.049 whatever the latency's size and a pair's machine state cancels out; the plain difference for
 * the error rate, which is often 0 on both sides and has no ratio.
 */
final class PairedScale {

    private PairedScale() {
    }

    /**
     * The worse-positive difference of each pair, or NaN where it has none (a latency of 0: the
     * trial had no successful request; a throughput of 0).
     */
    static double[] differences(Metric metric, double[] reference, double[] candidate) {
        double[] d = new double[reference.length];
        for (int i = 0; i < d.length; i++) {
            double a = reference[i];
            double b = candidate[i];
            if (metric == Metric.ERROR_RATE) {
                d[i] = b - a;
            } else if (a <= 0 || b <= 0) {
                d[i] = Double.NaN;
            } else {
                d[i] = metric.higherIsWorse() ? Math.log(b / a) : Math.log(a / b);
            }
        }
        return d;
    }

    /** The smallest worse-positive difference worth failing a build for: the gate's tolerance on this scale. */
    static double minimumEffect(Metric metric, GateSettings gate) {
        return metric == Metric.ERROR_RATE ? gate.errorRateTolerancePoints() / 100 : Math.log1p(gate.tolerancePercent() / 100);
    }

    /** A worse-positive difference as the change of the metric itself, e.g. {@code "+6.1 %"}, {@code "-4.8 %"} (throughput), {@code "+0.50 pp"}. */
    static String format(Metric metric, double d) {
        if (metric == Metric.ERROR_RATE) {
            return String.format(Locale.ROOT, "%+.2f pp", d * 100);
        }
        if (Double.isInfinite(d)) {
            return (d > 0) == metric.higherIsWorse() ? "+inf" : "-100 %";
        }
        double ratio = metric.higherIsWorse() ? Math.exp(d) : Math.exp(-d);
        return String.format(Locale.ROOT, "%+.1f %%", (ratio - 1) * 100);
    }

    /** A confidence interval of worse-positive differences as the metric's change, lower change first. */
    static String formatInterval(Metric metric, double lower, double upper) {
        boolean reversed = metric != Metric.ERROR_RATE && !metric.higherIsWorse();
        String from = format(metric, reversed ? upper : lower);
        String to = format(metric, reversed ? lower : upper);
        return "[" + from + ", " + to + "]";
    }
}
