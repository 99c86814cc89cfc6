package dev.perfgate.core.result;

import org.HdrHistogram.Histogram;

import dev.perfgate.core.engine.WindowSeries;

/**
 * One window of an operation's measured phase: the values the gate's significance test compares
 * window by window with the baseline's.
 *
 * @param requests            requests started in the window, successful and failed
 * @param errors              failed requests
 * @param throughputPerSecond requests per second over the window
 * @param p50                 median latency of the successful requests, milliseconds (0 when none)
 * @param p95                 95th percentile, milliseconds
 * @param p99                 99th percentile, milliseconds
 */
public record WindowResult(long requests, long errors, double throughputPerSecond, double p50, double p95, double p99) {

    /** The error rate of the window, 0 to 1 (0 when it had no request). */
    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }

    /** Window {@code index} of {@code series}, which lasted {@code windowSeconds}. */
    static WindowResult of(WindowSeries series, int index, double windowSeconds) {
        Histogram latency = series.latencyMicros(index);
        boolean any = latency.getTotalCount() > 0;
        return new WindowResult(series.requests(index), series.errors(index),
                Math.round(series.requests(index) / windowSeconds * 100) / 100.0,
                any ? latency.getValueAtPercentile(50) / 1000.0 : 0,
                any ? latency.getValueAtPercentile(95) / 1000.0 : 0,
                any ? latency.getValueAtPercentile(99) / 1000.0 : 0);
    }
}
