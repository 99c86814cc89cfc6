package dev.perfgate.core.result;

import java.util.List;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One stage of a staged run: its load and what its own requests measured (requests count in the
 * stage they started in; latencies with 2 significant digits).
 *
 * @param index               0-based position in the schedule
 * @param load                the stage as written, e.g. {@code "hold 20 for 30s"} or {@code "80/s for 5s"}
 * @param startSecond         seconds from the start of the measured phase to the stage's start
 * @param seconds             the stage's length in seconds
 * @param requests            requests started in the stage, successful and failed
 * @param errors              failed requests
 * @param errorRate           {@code errors / requests}, 0 to 1
 * @param throughputPerSecond {@code requests / seconds}
 * @param p50                 median latency of the successful requests, ms (0 when none)
 * @param p95                 95th percentile, ms
 * @param p99                 99th percentile, ms
 * @param held                stress runs: whether the stage met every SLO; {@code null} when not judged
 * @param breaches            stress runs: the SLOs the stage missed, e.g. {@code "(total) p95 140.0 ms > limit 90.0 ms"}
 * @param histogram           the stage's latencies, kept only by a part of a distributed run so that the parts' stages
 *                            merge without loss ({@link HistogramCodec}); {@code null} otherwise
 */
public record StepResult(int index, String load, double startSecond, double seconds, long requests, long errors,
        double errorRate, double throughputPerSecond, double p50, double p95, double p99, Boolean held, List<String> breaches,
        @JsonInclude(JsonInclude.Include.NON_NULL) String histogram) {

    public StepResult {
        breaches = breaches == null ? List.of() : List.copyOf(breaches);
    }

    /** A stage without its histogram: one of a whole run. */
    public StepResult(int index, String load, double startSecond, double seconds, long requests, long errors, double errorRate,
            double throughputPerSecond, double p50, double p95, double p99, Boolean held, List<String> breaches) {
        this(index, load, startSecond, seconds, requests, errors, errorRate, throughputPerSecond, p50, p95, p99, held, breaches,
                null);
    }

    /** A copy judged against the SLOs: {@code held} and the breaches' descriptions. */
    public StepResult judged(boolean newHeld, List<String> newBreaches) {
        return new StepResult(index, load, startSecond, seconds, requests, errors, errorRate, throughputPerSecond, p50, p95, p99,
                newHeld, newBreaches, histogram);
    }

    /** A copy that keeps {@code latencyMicros}, for a part of a distributed run. */
    public StepResult withHistogram(Histogram latencyMicros) {
        return new StepResult(index, load, startSecond, seconds, requests, errors, errorRate, throughputPerSecond, p50, p95, p99,
                held, breaches, HistogramCodec.encode(latencyMicros));
    }
}
