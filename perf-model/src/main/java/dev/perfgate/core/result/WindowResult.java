package dev.perfgate.core.result;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.annotation.JsonInclude;

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
 * @param histogram           the window's latencies ({@link HistogramCodec}, 2 significant digits) in the result of one
 *                            part of a distributed run, so that the parts merge without loss; {@code null} (and not
 *                            written) otherwise
 */
public record WindowResult(long requests, long errors, double throughputPerSecond, double p50, double p95, double p99,
        @JsonInclude(JsonInclude.Include.NON_NULL) String histogram) {

    /** A window without its histogram: the result of a whole run. */
    public WindowResult(long requests, long errors, double throughputPerSecond, double p50, double p95, double p99) {
        this(requests, errors, throughputPerSecond, p50, p95, p99, null);
    }

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

    /** A copy that keeps {@code latencyMicros}, the window's latencies, for merging. */
    public WindowResult withHistogram(Histogram latencyMicros) {
        return new WindowResult(requests, errors, throughputPerSecond, p50, p95, p99, HistogramCodec.encode(latencyMicros));
    }
}
