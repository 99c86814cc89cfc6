package dev.perfgate.core.compare;

/**
 * A figure the gate compares with its baseline: a load test's latency, throughput or error rate
 * ({@link Metric}), or a JMH benchmark's score ({@link BenchmarkScore}).
 *
 * <pre>{@code
 * GatedMetric metric = Metric.P95_LATENCY;
 * String shown = metric.label() + " " + metric.format(12.5) + " (" + metric.formatChange(10, 12.5) + ")";
 * }</pre>
 */
public interface GatedMetric {

    /** A stable identifier for machine-readable reports, e.g. {@code "P95_LATENCY"}. */
    String name();

    /** The name shown in tables, e.g. {@code "p95 latency"}. */
    String label();

    /** Whether a larger value is worse (latency, error rate, time per operation) rather than better (throughput). */
    boolean higherIsWorse();

    /** {@code value} with its unit, e.g. {@code "12.400 ms"}. */
    String format(double value);

    /** The change from {@code baseline} to {@code current}, e.g. {@code "+12.5 %"}. */
    String formatChange(double baseline, double current);
}
