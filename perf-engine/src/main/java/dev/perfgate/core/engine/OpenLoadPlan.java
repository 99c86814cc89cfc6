package dev.perfgate.core.engine;

import java.time.Duration;
import java.util.List;

/**
 * What an open-model run does: scenario iterations start as {@code arrivals} schedules them, whether
 * or not earlier iterations have ended, first for {@code warmUp} at {@code warmUpPerSecond} (not
 * measured), then for the schedule's duration (measured). At most {@code maxInFlight} iterations run
 * at once; an arrival due while that many are running is dropped and counted
 * ({@link RunMeasurements#droppedIterations()}), never queued unseen.
 *
 * <p>Latency is measured from when each iteration was <em>due</em>, not from when it could start, so a
 * slow server is not hidden by a load generator that slowed down with it (no coordinated omission).
 *
 * <pre>{@code
 * OpenLoadPlan plan = OpenLoadPlan.of(ArrivalSchedule.constant(200, Duration.ofSeconds(10)))
 *         .withWarmUp(Duration.ofSeconds(2))
 *         .withMaxInFlight(100);
 * // A JIT compiles after so many calls, not so many seconds: warm up at a higher rate than the test.
 * OpenLoadPlan warmer = plan.withWarmUp(Duration.ofSeconds(5), 1_000);
 * }</pre>
 *
 * @param arrivals       when iterations are due in the measured phase; its length is the measured duration
 * @param warmUp         time before measuring starts; zero for none
 * @param requestTimeout longest a single request may take before it counts as a timeout error
 * @param maxInFlight    most iterations running at once, 1 to {@value #MAX_IN_FLIGHT}; each is a platform
 *                       thread, started only when needed (the warm-up's arrivals are capped too, and the
 *                       ones dropped there are not counted)
 * @param warmUpPerSecond the arrival rate of the warm-up, 0 to {@link ArrivalSchedule#MAX_RATE_PER_SECOND};
 *                       by default the schedule's initial rate
 */
public record OpenLoadPlan(ArrivalSchedule arrivals, Duration warmUp, Duration requestTimeout, int maxInFlight,
        double warmUpPerSecond) implements RunPlan {

    /** Upper bound on {@link #maxInFlight()}: each iteration in flight is a platform thread in this engine. */
    public static final int MAX_IN_FLIGHT = 2_000;

    /** Least default {@link #maxInFlight()}, however low the rate. */
    public static final int MIN_DEFAULT_IN_FLIGHT = 8;

    /**
     * Average iteration time the default {@link #maxInFlight()} is sized for: by Little's law, iterations
     * in flight = rate x iteration time, so the default keeps up at the peak rate while iterations take
     * up to this long.
     */
    public static final Duration DEFAULT_IN_FLIGHT_ALLOWANCE = Duration.ofSeconds(1);

    public OpenLoadPlan {
        if (arrivals == null) {
            throw new IllegalArgumentException("arrivals: none given; give a schedule, e.g. "
                    + "ArrivalSchedule.constant(200, Duration.ofSeconds(10))");
        }
        PlanFields.requireDuration(warmUp, "warmUp", true, "Duration.ofSeconds(2)");
        PlanFields.requireDuration(requestTimeout, "requestTimeout", false, "Duration.ofSeconds(5)");
        if (maxInFlight < 1 || maxInFlight > MAX_IN_FLIGHT) {
            throw new IllegalArgumentException("maxInFlight: " + maxInFlight + " is out of range; use 1 to " + MAX_IN_FLIGHT
                    + ", e.g. " + defaultMaxInFlight(arrivals));
        }
        if (!(warmUpPerSecond >= 0 && warmUpPerSecond <= ArrivalSchedule.MAX_RATE_PER_SECOND)) {
            throw new IllegalArgumentException("warmUpPerSecond: " + warmUpPerSecond + " is out of range; use 0 to "
                    + (long) ArrivalSchedule.MAX_RATE_PER_SECOND + " arrivals per second, e.g. 500");
        }
        // The run's whole timeline must be a valid schedule too (bounded in arrivals).
        arrivals.afterLeadIn(warmUp, warmUpPerSecond);
    }

    /** A plan whose warm-up, if any, runs at the schedule's initial rate. */
    public OpenLoadPlan(ArrivalSchedule arrivals, Duration warmUp, Duration requestTimeout, int maxInFlight) {
        this(arrivals, warmUp, requestTimeout, maxInFlight, arrivals == null ? 0 : arrivals.initialPerSecond());
    }

    /**
     * A plan for {@code arrivals} without warm-up, with the default request timeout
     * ({@link LoadPlan#DEFAULT_REQUEST_TIMEOUT}) and the default {@link #maxInFlight()}.
     */
    public static OpenLoadPlan of(ArrivalSchedule arrivals) {
        int maxInFlight = arrivals == null ? MIN_DEFAULT_IN_FLIGHT : defaultMaxInFlight(arrivals);
        return new OpenLoadPlan(arrivals, Duration.ZERO, LoadPlan.DEFAULT_REQUEST_TIMEOUT, maxInFlight);
    }

    /**
     * The default cap on iterations in flight for {@code arrivals}: the peak rate times
     * {@link #DEFAULT_IN_FLIGHT_ALLOWANCE} (1 s), rounded up, at least {@value #MIN_DEFAULT_IN_FLIGHT} and at
     * most {@value #MAX_IN_FLIGHT}. E.g. 8 for 5/s, 200 for 200/s, 2000 for 5000/s.
     */
    public static int defaultMaxInFlight(ArrivalSchedule arrivals) {
        double allowance = DEFAULT_IN_FLIGHT_ALLOWANCE.toNanos() / 1e9;
        double sized = Math.ceil(arrivals.peakPerSecond() * allowance);
        return (int) Math.max(MIN_DEFAULT_IN_FLIGHT, Math.min(MAX_IN_FLIGHT, sized));
    }

    /** The measured time: the length of the schedule. */
    @Override
    public Duration duration() {
        return arrivals.duration();
    }

    @Override
    public List<Duration> stageLengths() {
        return arrivals.stages().stream().map(RateStage::duration).toList();
    }

    /** A copy with another warm-up length, at the same warm-up rate. */
    public OpenLoadPlan withWarmUp(Duration newWarmUp) {
        return new OpenLoadPlan(arrivals, newWarmUp, requestTimeout, maxInFlight, warmUpPerSecond);
    }

    /** A copy whose warm-up lasts {@code newWarmUp} at {@code perSecond} arrivals per second. */
    public OpenLoadPlan withWarmUp(Duration newWarmUp, double perSecond) {
        return new OpenLoadPlan(arrivals, newWarmUp, requestTimeout, maxInFlight, perSecond);
    }

    /** A copy with another request timeout. */
    public OpenLoadPlan withRequestTimeout(Duration newRequestTimeout) {
        return new OpenLoadPlan(arrivals, warmUp, newRequestTimeout, maxInFlight, warmUpPerSecond);
    }

    /** A copy with another cap on iterations in flight. */
    public OpenLoadPlan withMaxInFlight(int newMaxInFlight) {
        return new OpenLoadPlan(arrivals, warmUp, requestTimeout, newMaxInFlight, warmUpPerSecond);
    }

    /** Whether the warm-up runs at another rate than the measured phase starts with. */
    public boolean warmsUpAtItsOwnRate() {
        return warmUpPerSecond != arrivals.initialPerSecond();
    }

    /** The whole run's timeline: the warm-up at its rate, then {@link #arrivals()}. */
    ArrivalSchedule timeline() {
        return arrivals.afterLeadIn(warmUp, warmUpPerSecond);
    }
}
