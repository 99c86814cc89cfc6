package dev.perfgate.core.engine;

import java.time.Duration;

/**
 * What a run has done so far, read from a {@link LiveRun} while it goes on. In the warm-up only
 * {@code requests} (started since the run began) and the load are known; the other figures cover the
 * measured phase so far, as the final result will, but from its per-window histograms (2 significant
 * digits).
 *
 * @param phase               the phase the run is in
 * @param elapsed             time since the phase began
 * @param phaseLength         how long the phase lasts as planned
 * @param requests            requests started in the phase so far, successful and failed
 * @param errors              failed requests of the measured phase; 0 in the warm-up
 * @param requestsPerSecond   {@code requests} per second of {@code elapsed}
 * @param p95Millis           95th percentile latency of the successful requests of the measured phase, in
 *                            milliseconds; {@code NaN} in the warm-up and before the first success
 * @param open                whether the run is of the open model
 * @param active              closed model: users still running; open model: iterations in flight
 * @param iterationsStarted   iterations started in the measured phase
 * @param iterationsPerSecond {@code iterationsStarted} per second: the achieved arrival rate
 * @param dropped             open model: arrivals of the measured phase dropped at the in-flight cap; else 0
 */
public record LiveFigures(
        Phase phase,
        Duration elapsed,
        Duration phaseLength,
        long requests,
        long errors,
        double requestsPerSecond,
        double p95Millis,
        boolean open,
        int active,
        long iterationsStarted,
        double iterationsPerSecond,
        long dropped) {

    /** The phases of a run, in order. */
    public enum Phase {
        /** Load runs but is not measured. */
        WARM_UP,
        /** Load runs and is measured. */
        MEASURED,
        /** The measured phase is over; iterations still running are finishing. */
        ENDED
    }

    /** Failed requests per request, 0 to 1; 0 before the first request. */
    public double errorRate() {
        return requests == 0 ? 0 : errors / (double) requests;
    }
}
