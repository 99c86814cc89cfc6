package dev.perfgate.core.compare;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.WindowResult;

/** A figure of an operation that the gate compares with its baseline, and which direction is worse. */
public enum Metric implements GatedMetric {
    /** Median latency, milliseconds; higher is worse. */
    P50_LATENCY("p50 latency", "p50", r -> r.latencyMs().p50(), 0.5),
    /** 95th percentile latency, milliseconds; higher is worse. */
    P95_LATENCY("p95 latency", "p95", r -> r.latencyMs().p95(), 0.05),
    /** 99th percentile latency, milliseconds; higher is worse. */
    P99_LATENCY("p99 latency", "p99", r -> r.latencyMs().p99(), 0.01),
    /** Requests per second; lower is worse. */
    THROUGHPUT("throughput", "throughput", OperationResult::throughputPerSecond, 0),
    /** Failed requests as a share of all, 0 to 1; higher is worse. */
    ERROR_RATE("error rate", "errorRate", OperationResult::errorRate, 0);

    /**
     * The metrics gated unless configured otherwise: every one. The median decides a short run; p95 and
     * p99 join in where the run holds enough requests beyond them ({@link GateSettings#minTailSamples()}).
     */
    public static final Set<Metric> DEFAULT_GATED = Collections.unmodifiableSet(EnumSet.allOf(Metric.class));

    private final String label;
    private final String key;
    private final ToDoubleFunction<OperationResult> reader;
    private final double tailFraction;

    Metric(String label, String key, ToDoubleFunction<OperationResult> reader, double tailFraction) {
        this.label = label;
        this.key = key;
        this.reader = reader;
        this.tailFraction = tailFraction;
    }

    /** The name in configuration, e.g. {@code "p95"} or {@code "errorRate"}. */
    public String key() {
        return key;
    }

    /**
     * The metrics a comma-separated list of {@link #key() keys} names, e.g. {@code "p95,p99,errorRate"}.
     *
     * @throws IllegalArgumentException naming the unknown key and the valid ones
     */
    public static Set<Metric> parseList(String keys) {
        EnumSet<Metric> metrics = EnumSet.noneOf(Metric.class);
        for (String key : keys.split(",")) {
            String wanted = key.strip();
            if (wanted.isEmpty()) {
                continue;
            }
            metrics.add(Arrays.stream(values()).filter(m -> m.key.equalsIgnoreCase(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("metrics: '" + wanted + "' is not a metric; use a comma-separated list of "
                            + Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", ")) + ", e.g. \"p95,p99,throughput,errorRate\"")));
        }
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("metrics: '" + keys + "' names no metric; e.g. \"p95,p99,throughput,errorRate\"");
        }
        return metrics;
    }

    /**
     * How many successful requests of {@code operation} lie beyond this percentile; for metrics that
     * are not percentiles, every request counts.
     */
    public long tailSamples(OperationResult operation) {
        long successful = operation.requests() - operation.errors();
        return tailFraction == 0 ? successful : (long) Math.floor(successful * tailFraction);
    }

    /**
     * How many successful requests put {@code tail} of them beyond this percentile, e.g. 5,000 for 50
     * beyond p99; {@code tail} itself for metrics that are not percentiles.
     */
    public long requestsFor(long tail) {
        return tailFraction == 0 ? tail : (long) Math.ceil(tail / tailFraction - 1e-9);
    }

    /**
     * This metric's value in each window of {@code operation} that has one (windows without a
     * successful request have no latency), in time order.
     */
    public double[] windowValues(OperationResult operation) {
        return operation.windows().stream()
                .filter(window -> !isPercentile() || window.requests() > window.errors())
                .mapToDouble(this::windowValue)
                .toArray();
    }

    /** Whether a larger value of this metric is worse (latency, error rate) rather than better (throughput). */
    public boolean higherIsWorse() {
        return this != THROUGHPUT;
    }

    private double windowValue(WindowResult window) {
        switch (this) {
            case P50_LATENCY:
                return window.p50();
            case P95_LATENCY:
                return window.p95();
            case P99_LATENCY:
                return window.p99();
            case THROUGHPUT:
                return window.throughputPerSecond();
            default:
                return window.errorRate();
        }
    }

    /** Whether this metric is a latency percentile, which needs enough requests beyond it to be gated. */
    public boolean isPercentile() {
        return tailFraction > 0;
    }

    /** The name shown in tables, e.g. {@code "p95 latency"}. */
    public String label() {
        return label;
    }

    /** This metric's value in {@code operation}. */
    public double valueOf(OperationResult operation) {
        return reader.applyAsDouble(operation);
    }

    /** The decision for a move from {@code baseline} to {@code current} under {@code gate}. */
    public Verdict judge(double baseline, double current, GateSettings gate) {
        switch (this) {
            case ERROR_RATE: {
                double points = (current - baseline) * 100;
                return verdictOf(points > gate.errorRateTolerancePoints(), -points > gate.errorRateTolerancePoints());
            }
            case THROUGHPUT: {
                // A rate: t % worse means each request took t % longer, i.e. the rate fell below
                // baseline / (1 + t/100). As a plain percentage a drop can never pass 100 %, so a
                // tolerance of 100 % or more would never gate throughput at all.
                double factor = 1 + gate.tolerancePercent() / 100;
                return verdictOf(current * factor < baseline, current > baseline * factor);
            }
            default: {
                double percent = relativeChangePercent(baseline, current);
                double millis = current - baseline;
                return verdictOf(percent > gate.tolerancePercent() && millis > gate.latencyFloorMillis(),
                        percent < -gate.tolerancePercent() && -millis > gate.latencyFloorMillis());
            }
        }
    }

    /** {@code value} with its unit, e.g. {@code "12.4 ms"}, {@code "830.5/s"}, {@code "0.25 %"}. */
    public String format(double value) {
        switch (this) {
            case ERROR_RATE:
                return String.format(Locale.ROOT, "%.2f %%", value * 100);
            case THROUGHPUT:
                return String.format(Locale.ROOT, "%.1f/s", value);
            default:
                return String.format(Locale.ROOT, "%.3f ms", value);
        }
    }

    /** The change from {@code baseline} to {@code current}: percent, or percentage points for rates. */
    public String formatChange(double baseline, double current) {
        if (this == ERROR_RATE) {
            return String.format(Locale.ROOT, "%+.2f pp", (current - baseline) * 100);
        }
        double percent = relativeChangePercent(baseline, current);
        return Double.isInfinite(percent) ? "new > 0" : String.format(Locale.ROOT, "%+.1f %%", percent);
    }

    static double relativeChangePercent(double baseline, double current) {
        if (baseline == 0) {
            return current == 0 ? 0 : Double.POSITIVE_INFINITY * Math.signum(current);
        }
        return (current - baseline) / baseline * 100;
    }

    private static Verdict verdictOf(boolean worse, boolean better) {
        return worse ? Verdict.REGRESSED : better ? Verdict.IMPROVED : Verdict.UNCHANGED;
    }
}
