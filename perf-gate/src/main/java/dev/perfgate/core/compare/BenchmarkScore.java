package dev.perfgate.core.compare;

import java.util.Locale;

import dev.perfgate.core.jmh.JmhMode;

/**
 * The score of a JMH benchmark in one mode: operations per time in throughput mode (higher is
 * better), time per operation in the time modes (lower is better).
 *
 * <pre>{@code
 * GatedMetric score = new BenchmarkScore(JmhMode.AVERAGE_TIME, "us/op");
 * score.format(12.5);   // "12.500 us/op"
 * }</pre>
 *
 * @param mode the benchmark mode, which decides the better direction
 * @param unit the score's unit as JMH reports it, e.g. {@code "ops/s"}
 */
public record BenchmarkScore(JmhMode mode, String unit) implements GatedMetric {

    @Override
    public String name() {
        return "SCORE";
    }

    @Override
    public String label() {
        return "score";
    }

    @Override
    public boolean higherIsWorse() {
        return mode.higherIsWorse();
    }

    @Override
    public String format(double value) {
        String number = Math.abs(value) >= 1000 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.3f", value);
        return number + " " + unit;
    }

    @Override
    public String formatChange(double baseline, double current) {
        double percent = Metric.relativeChangePercent(baseline, current);
        return Double.isInfinite(percent) ? "new > 0" : String.format(Locale.ROOT, "%+.1f %%", percent);
    }

    /** The decision by effect alone: REGRESSED or IMPROVED when the score moved beyond {@code tolerancePercent} its worse or better way. */
    Verdict judge(double baseline, double current, double tolerancePercent) {
        double percent = Metric.relativeChangePercent(baseline, current);
        double worsePercent = higherIsWorse() ? percent : -percent;
        return worsePercent > tolerancePercent ? Verdict.REGRESSED : -worsePercent > tolerancePercent ? Verdict.IMPROVED : Verdict.UNCHANGED;
    }
}
