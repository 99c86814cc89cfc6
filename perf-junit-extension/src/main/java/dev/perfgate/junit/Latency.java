package dev.perfgate.junit;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How long a {@link Stub} waits before each response it serves, on top of any delay its routes
 * declare themselves. WireMock samples it per response (its {@code LogNormal} and
 * {@code UniformDistribution}, or a fixed delay), in whole milliseconds.
 *
 * <pre>{@code
 * Latency.fixed(Duration.ofMillis(50))
 * Latency.uniform(Duration.ofMillis(20), Duration.ofMillis(80))
 * Latency.logNormal(Duration.ofMillis(200), 0.3)      // median 200 ms, a long right tail
 * }</pre>
 *
 * <p>Immutable; safe to share between threads.
 *
 * @since 0.1
 */
public final class Latency {

    enum Kind { NONE, FIXED, UNIFORM, LOG_NORMAL }

    private static final Latency NONE = new Latency(Kind.NONE, 0, 0, 0);

    private final Kind kind;
    private final long firstMillis;
    private final long secondMillis;
    private final double sigma;

    private Latency(Kind kind, long firstMillis, long secondMillis, double sigma) {
        this.kind = kind;
        this.firstMillis = firstMillis;
        this.secondMillis = secondMillis;
        this.sigma = sigma;
    }

    /** No added delay: the stub answers as fast as WireMock can. */
    public static Latency none() {
        return NONE;
    }

    /** Every response waits {@code delay} (0 ms or more, whole milliseconds). */
    public static Latency fixed(Duration delay) {
        return new Latency(Kind.FIXED, millis("Latency.fixed", "delay", delay, "Latency.fixed(Duration.ofMillis(50))"), 0, 0);
    }

    /** Each response waits a delay drawn uniformly from {@code min} to {@code max} (whole milliseconds, {@code min <= max}). */
    public static Latency uniform(Duration min, Duration max) {
        String example = "Latency.uniform(Duration.ofMillis(20), Duration.ofMillis(80))";
        long low = millis("Latency.uniform", "min", min, example);
        long high = millis("Latency.uniform", "max", max, example);
        if (low > high) {
            throw new IllegalArgumentException("Latency.uniform: min " + min + " is longer than max " + max + "; e.g. " + example);
        }
        return new Latency(Kind.UNIFORM, low, high, 0);
    }

    /**
     * Each response waits a delay drawn from a log-normal distribution of the given {@code median}
     * (at least 1 ms) and {@code sigma}, the standard deviation of the delay's logarithm (0 to 5;
     * 0.1 is narrow, 0.5 has a long tail: p99 is about 3.2 times the median).
     */
    public static Latency logNormal(Duration median, double sigma) {
        String example = "Latency.logNormal(Duration.ofMillis(200), 0.3)";
        long medianMillis = millis("Latency.logNormal", "median", median, example);
        if (medianMillis < 1) {
            throw new IllegalArgumentException("Latency.logNormal: median " + median + " must be at least 1 ms; e.g. " + example);
        }
        if (!(sigma >= 0 && sigma <= 5)) {
            throw new IllegalArgumentException("Latency.logNormal: sigma " + sigma + " is not from 0 to 5; e.g. " + example);
        }
        return new Latency(Kind.LOG_NORMAL, medianMillis, 0, sigma);
    }

    Kind kind() {
        return kind;
    }

    /** The fixed delay, the uniform minimum or the log-normal median, in milliseconds. */
    long firstMillis() {
        return firstMillis;
    }

    /** The uniform maximum, in milliseconds. */
    long secondMillis() {
        return secondMillis;
    }

    double sigma() {
        return sigma;
    }

    private static long millis(String method, String parameter, Duration duration, String example) {
        Objects.requireNonNull(duration, parameter);
        if (duration.isNegative() || duration.getNano() % 1_000_000 != 0 || duration.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(method + ": " + parameter + " " + duration
                    + " is not a whole number of milliseconds from 0 to " + Integer.MAX_VALUE + "; e.g. " + example);
        }
        return duration.toMillis();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Latency that && kind == that.kind && firstMillis == that.firstMillis
                && secondMillis == that.secondMillis && Double.compare(sigma, that.sigma) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, firstMillis, secondMillis, sigma);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "no added latency";
            case FIXED -> firstMillis + " ms";
            case UNIFORM -> firstMillis + " to " + secondMillis + " ms";
            case LOG_NORMAL -> String.format(Locale.ROOT, "log-normal, median %d ms, sigma %s", firstMillis, sigma);
        };
    }
}
