package dev.perfgate.core.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How the report writes the figures it shows but does not gate (the app container's resources,
 * the application's metrics): a Prometheus value may be a ratio of 0.0004 or a counter of 10^9, so
 * the precision follows the size.
 */
final class ShownNumbers {

    /** Shown where a side has no figure. */
    static final String NONE = "—";

    private ShownNumbers() {
    }

    /** {@code value} readably: four significant digits below 1,000, whole numbers grouped above. */
    static String format(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return NONE;
        }
        double v = value;
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** {@code value} with {@code unit} after it, or {@link #NONE}. */
    static String format(Double value, String unit) {
        String number = format(value);
        return number.equals(NONE) ? NONE : number + " " + unit;
    }

    /**
     * The change from {@code before} to {@code now} in percent of {@code before}, e.g. {@code "+12.5 %"};
     * {@link #NONE} when a side is missing or {@code before} is zero and {@code now} is not (no finite
     * percentage exists).
     */
    static String change(Double before, Double now) {
        if (before == null || now == null || before.isNaN() || now.isNaN() || before.isInfinite() || now.isInfinite()) {
            return NONE;
        }
        if (before.doubleValue() == now.doubleValue()) {
            return "0.0 %";
        }
        if (before == 0) {
            return NONE;
        }
        return String.format(Locale.ROOT, "%+.1f %%", (now - before) / Math.abs(before) * 100);
    }
}
