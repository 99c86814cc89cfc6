package dev.perfgate.core.result;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles in milliseconds, read from a histogram recorded in microseconds.
 *
 * @param p50  median
 * @param p90  90th percentile
 * @param p95  95th percentile
 * @param p99  99th percentile
 * @param max  largest recorded value
 * @param mean arithmetic mean
 */
public record LatencySummary(double p50, double p90, double p95, double p99, double max, double mean) {

    /** Latencies are recorded in microseconds, from 1 us up to one hour, 3 significant digits. */
    public static final long HIGHEST_TRACKABLE_MICROS = TimeUnit.HOURS.toMicros(1);

    /** The summary of {@code micros}, a histogram of latencies in microseconds. */
    public static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(
                millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(90)),
                millis(micros.getValueAtPercentile(95)),
                millis(micros.getValueAtPercentile(99)),
                millis(micros.getMaxValue()),
                Math.round(micros.getMean()) / 1000.0);
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
