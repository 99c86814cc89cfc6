package dev.perfgate.core.result;

import java.util.Map;
import java.util.TreeMap;

import dev.perfgate.core.engine.OperationStats;

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
 */
public record OperationResult(
        long requests,
        long errors,
        Map<String, Long> errorsByKind,
        double errorRate,
        double throughputPerSecond,
        LatencySummary latencyMs,
        String histogram) {

    public OperationResult {
        errorsByKind = errorsByKind == null ? Map.of() : new TreeMap<>(errorsByKind);
    }

    /** The figures of {@code stats} measured over {@code measuredSeconds}. */
    public static OperationResult of(OperationStats stats, double measuredSeconds) {
        Map<String, Long> byKind = new TreeMap<>();
        stats.errors().forEach((kind, count) -> byKind.put(kind.label(), count));
        long requests = stats.requestCount();
        long errors = stats.errorCount();
        return new OperationResult(
                requests,
                errors,
                byKind,
                requests == 0 ? 0 : (double) errors / requests,
                Math.round(requests / measuredSeconds * 100) / 100.0,
                LatencySummary.of(stats.latencyMicros()),
                HistogramCodec.encode(stats.latencyMicros()));
    }
}
