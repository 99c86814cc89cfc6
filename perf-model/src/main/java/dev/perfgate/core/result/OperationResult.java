package dev.perfgate.core.result;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * The figures of one operation (or of all together) in a result file.
 *
 * @param requests            requests started in the measured phase, successful and failed
 * @param errors              failed requests
 * @param errorsByKind        failed requests by kind ({@code http_5xx}, {@code timeout}, ...)
 * @param errorRate           {@code errors / requests}, 0 to 1
 * @param throughputPerSecond requests per second over the measured phase
 * @param latencyMs           latency percentiles of the successful requests, in milliseconds
 * @param histogram           the successful requests' latencies in microseconds, see {@link HistogramCodec}
 * @param windows             the same figures per window of the measured phase, in time order; empty in
 *                            results written before windows were recorded
 * @param checkFailure        why the first failed response check of this operation failed, e.g.
 *                            {@code "check failed on 'chat': status is 200, was 503"}; {@code null} when none failed
 *                            (and in results written before it was recorded)
 */
public record OperationResult(
        long requests,
        long errors,
        Map<String, Long> errorsByKind,
        double errorRate,
        double throughputPerSecond,
        LatencySummary latencyMs,
        String histogram,
        List<WindowResult> windows,
        String checkFailure) {

    /** The name shown for all operations of a test together. */
    public static final String TOTAL = "(total)";

    public OperationResult {
        errorsByKind = errorsByKind == null ? Map.of() : new TreeMap<>(errorsByKind);
        windows = windows == null ? List.of() : List.copyOf(windows);
    }

    /** Figures without a check failure, as written before it was recorded. */
    public OperationResult(long requests, long errors, Map<String, Long> errorsByKind, double errorRate,
            double throughputPerSecond, LatencySummary latencyMs, String histogram, List<WindowResult> windows) {
        this(requests, errors, errorsByKind, errorRate, throughputPerSecond, latencyMs, histogram, windows, null);
    }

    /** Figures without per-window data. */
    public OperationResult(long requests, long errors, Map<String, Long> errorsByKind, double errorRate,
            double throughputPerSecond, LatencySummary latencyMs, String histogram) {
        this(requests, errors, errorsByKind, errorRate, throughputPerSecond, latencyMs, histogram, List.of());
    }

    /**
     * The figures of an operation whose latencies {@code latencyMicros} holds (successful requests, in
     * microseconds), over a measured phase of {@code ranSeconds} (the throughput is per second of that; 0 when
     * none ran).
     *
     * @param errorsByKind errors by their kind's label, e.g. {@code "timeout"}
     * @param checkFailure the first failed check's description, or {@code null}
     * @param windows      the phase's windows, empty when none were kept
     */
    public static OperationResult of(Histogram latencyMicros, long requests, long errors, Map<String, Long> errorsByKind,
            String checkFailure, List<WindowResult> windows, double ranSeconds) {
        return new OperationResult(requests, errors, errorsByKind, requests == 0 ? 0 : (double) errors / requests,
                perSecond(requests, ranSeconds), LatencySummary.of(latencyMicros), HistogramCodec.encode(latencyMicros), windows,
                checkFailure);
    }

    /**
     * The figures of a part of a run that lasted {@code seconds} (a stage): the latencies have the
     * histogram's precision, errors are not split by kind and there is no histogram or window of its own.
     */
    public static OperationResult ofPart(Histogram latencyMicros, long requests, long errors, double seconds) {
        return new OperationResult(requests, errors, Map.of(), requests == 0 ? 0 : (double) errors / requests,
                perSecond(requests, seconds), LatencySummary.of(latencyMicros), "", List.of());
    }

    /** The median latency of each window that had a successful request, in time order, in milliseconds. */
    public double[] windowMedians() {
        return windows.stream().filter(window -> window.requests() > window.errors()).mapToDouble(WindowResult::p50).toArray();
    }

    private static double perSecond(long requests, double seconds) {
        return seconds <= 0 ? 0 : Math.round(requests / seconds * 100) / 100.0;
    }
}
