package dev.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The figures of one second of a run, warm-up included: requests are counted in the second they
 * started in, as everywhere else. Latencies come from a histogram with 2 significant digits.
 *
 * @param second   the second's start, in whole seconds since the measured phase began: negative in the
 *                 warm-up (the first warm-up second may be partial when the warm-up is not whole seconds)
 * @param warmUp   whether the second belongs to the warm-up
 * @param requests requests started in the second, successful and failed
 * @param errors   failed requests
 * @param p50      median latency of the successful requests, milliseconds; 0 when none succeeded
 * @param p95      95th percentile, milliseconds; 0 when none succeeded
 * @param p99      99th percentile, milliseconds; 0 when none succeeded
 * @param active   closed model: users active 10 ms before the second ends; open model: iterations in flight then
 * @param histogram the second's latencies ({@link HistogramCodec}) in the result of one part of a distributed run,
 *                 so that the parts merge without loss; {@code null} (and not written) otherwise
 */
public record SecondFigures(int second, boolean warmUp, long requests, long errors, double p50, double p95, double p99,
        int active, @JsonInclude(JsonInclude.Include.NON_NULL) String histogram) {

    /** A second without its histogram: the result of a whole run. */
    public SecondFigures(int second, boolean warmUp, long requests, long errors, double p50, double p95, double p99, int active) {
        this(second, warmUp, requests, errors, p50, p95, p99, active, null);
    }

    /** Requests that succeeded; their latencies are the percentiles. */
    public long successes() {
        return requests - errors;
    }
}
