package dev.perfgate.core.slo;

import java.time.Duration;
import java.util.Locale;

import dev.perfgate.core.time.ReadableDuration;
import dev.perfgate.core.time.ReadableRate;

/**
 * One service-level objective: a limit on one metric of one operation, or of all operations
 * together ({@link #TOTAL}).
 *
 * <pre>{@code
 * SloThreshold p95 = SloThreshold.parse("GET /api", SloMetric.P95, "300ms", "@Slo(p95)");
 * SloThreshold errors = SloThreshold.parse(SloThreshold.TOTAL, SloMetric.ERROR_RATE, "1%", "@Slo(errorRate)");
 * }</pre>
 *
 * @param operation the operation's name, or {@link #TOTAL}
 * @param metric    the metric
 * @param limit     milliseconds for latencies, a fraction (0 to 1) for the error rate, requests per second for throughput
 */
public record SloThreshold(String operation, SloMetric metric, double limit) {

    /** The operation name that stands for all operations together. */
    public static final String TOTAL = "(total)";

    public SloThreshold {
        if (operation == null || operation.isBlank()) {
            throw new IllegalArgumentException("an SLO needs an operation name, or " + TOTAL + " for all operations");
        }
        if (!(limit >= 0) || Double.isInfinite(limit)) {
            throw new IllegalArgumentException(metric.label() + " limit " + limit + " must be a finite number, zero or more");
        }
    }

    /**
     * The threshold {@code text} states for {@code metric}: a duration for latencies ({@code "300ms"},
     * {@code "2s"}), a percentage for the error rate ({@code "1%"}, {@code "0.5%"}), a rate for throughput
     * ({@code "100/s"}).
     *
     * @throws IllegalArgumentException naming {@code where}, the value and a valid example
     */
    public static SloThreshold parse(String operation, SloMetric metric, String text, String where) {
        String value = text == null ? "" : text.strip();
        if (metric.isLatency()) {
            Duration limit = ReadableDuration.parse(value, where);
            return new SloThreshold(operation, metric, limit.toNanos() / 1e6);
        }
        if (metric == SloMetric.ERROR_RATE) {
            double percent = number(value, "%", where, "\"1%\" or \"0.5%\"");
            if (percent > 100) {
                throw new IllegalArgumentException(where + ": '" + text + "' is more than 100 %; use e.g. \"1%\"");
            }
            return new SloThreshold(operation, metric, percent / 100);
        }
        return new SloThreshold(operation, metric, ReadableRate.parse(value, where));
    }

    private static double number(String value, String suffix, String where, String example) {
        if (!value.toLowerCase(Locale.ROOT).endsWith(suffix)) {
            throw new IllegalArgumentException(where + ": '" + value + "' is not a valid value; use e.g. " + example);
        }
        String number = value.substring(0, value.length() - suffix.length()).strip();
        try {
            double parsed = Double.parseDouble(number);
            if (!(parsed >= 0) || Double.isInfinite(parsed) || !number.matches("[0-9]+(\\.[0-9]+)?")) {
                throw new NumberFormatException(number);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + value + "' is not a valid value; use e.g. " + example, e);
        }
    }

    /** {@code "GET /api p95 <= 300.0 ms"}. */
    public String describe() {
        return operation + " " + metric.label() + (metric.isFloor() ? " >= " : " <= ") + metric.format(limit);
    }
}
