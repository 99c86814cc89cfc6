package dev.perfgate.core.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

import dev.perfgate.core.engine.OperationStats;
import dev.perfgate.core.engine.WindowSeries;

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

    /** The figures of {@code stats} and its {@code windows} (may be null), measured over {@code measuredSeconds}. */
    public static OperationResult of(OperationStats stats, WindowSeries windows, double measuredSeconds) {
        return of(stats, windows, measuredSeconds, measuredSeconds);
    }

    /**
     * The figures of a run whose measured phase was planned to last {@code plannedSeconds} (the windows
     * split that) but ran for {@code ranSeconds} (the throughput is per second of that; 0 when none ran).
     */
    public static OperationResult of(OperationStats stats, WindowSeries windows, double ranSeconds, double plannedSeconds) {
        Map<String, Long> byKind = new TreeMap<>();
        stats.errors().forEach((kind, count) -> byKind.put(kind.label(), count));
        long requests = stats.requestCount();
        long errors = stats.errorCount();
        return new OperationResult(
                requests,
                errors,
                byKind,
                requests == 0 ? 0 : (double) errors / requests,
                ranSeconds <= 0 ? 0 : Math.round(requests / ranSeconds * 100) / 100.0,
                LatencySummary.of(stats.latencyMicros()),
                HistogramCodec.encode(stats.latencyMicros()),
                windowsOf(windows, plannedSeconds),
                stats.firstCheckFailure());
    }

    /**
     * The figures of window {@code index} of {@code series}, which lasted {@code seconds}: for judging
     * one stage of a run; the latencies have 2 significant digits, errors are not split by kind and
     * there is no histogram or window of its own.
     */
    public static OperationResult ofWindow(WindowSeries series, int index, double seconds) {
        Histogram latency = series.latencyMicros(index);
        long requests = series.requests(index);
        long errors = series.errors(index);
        return new OperationResult(requests, errors, Map.of(), requests == 0 ? 0 : (double) errors / requests,
                seconds <= 0 ? 0 : Math.round(requests / seconds * 100) / 100.0, LatencySummary.of(latency), "", List.of());
    }

    private static List<WindowResult> windowsOf(WindowSeries series, double measuredSeconds) {
        if (series == null) {
            return List.of();
        }
        List<WindowResult> windows = new ArrayList<>(series.windows());
        for (int i = 0; i < series.windows(); i++) {
            windows.add(WindowResult.of(series, i, measuredSeconds / series.windows()));
        }
        return windows;
    }
}
