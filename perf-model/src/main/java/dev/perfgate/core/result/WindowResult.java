package dev.perfgate.core.result;

import org.HdrHistogram.Histogram;

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

    /** A window of {@code requests} and {@code errors} that lasted {@code seconds}, its successes' latencies in {@code latencyMicros}. */
    public static WindowResult of(Histogram latencyMicros, long requests, long errors, double seconds) {
        boolean any = latencyMicros.getTotalCount() > 0;
        return new WindowResult(requests, errors, Math.round(requests / seconds * 100) / 100.0,
                any ? latencyMicros.getValueAtPercentile(50) / 1000.0 : 0,
                any ? latencyMicros.getValueAtPercentile(95) / 1000.0 : 0,
                any ? latencyMicros.getValueAtPercentile(99) / 1000.0 : 0);
    }
}
