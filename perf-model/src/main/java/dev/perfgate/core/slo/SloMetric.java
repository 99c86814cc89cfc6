package dev.perfgate.core.slo;

import java.util.Locale;

/** A figure an SLO puts a limit on: latency percentiles and the maximum (upper limits), error rate (upper), throughput (lower). */
public enum SloMetric {
    P50("p50"),
    P90("p90"),
    P95("p95"),
    P99("p99"),
    MAX("max"),
    ERROR_RATE("error rate"),
    THROUGHPUT("throughput");

    private final String label;

    SloMetric(String label) {
        this.label = label;
    }

    /** The name in messages, e.g. {@code "p95"}. */
    public String label() {
        return label;
    }

    /** Whether the limit is a floor (throughput) rather than a ceiling. */
    public boolean isFloor() {
        return this == THROUGHPUT;
    }

    /** Whether this is a latency, in milliseconds. */
    public boolean isLatency() {
        return this != ERROR_RATE && this != THROUGHPUT;
    }

    /** {@code value} with its unit: {@code "312.4 ms"}, {@code "1.25 %"}, {@code "830.0/s"}. */
    public String format(double value) {
        if (this == ERROR_RATE) {
            return String.format(Locale.ROOT, "%.2f %%", value * 100);
        }
        if (this == THROUGHPUT) {
            return String.format(Locale.ROOT, "%.1f/s", value);
        }
        return String.format(Locale.ROOT, "%.1f ms", value);
    }
}
