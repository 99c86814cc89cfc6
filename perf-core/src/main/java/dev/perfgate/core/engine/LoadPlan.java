package dev.perfgate.core.engine;

import java.time.Duration;

/**
 * What a closed-model run does (the name predates the open model, {@link OpenLoadPlan}):
 * {@code users} virtual users repeat their scenario, pausing {@code thinkTime} after each iteration,
 * first for {@code warmUp} (not measured), then for {@code duration} (measured); a user whose session
 * is limited stops after {@code iterationsPerUser} iterations.
 *
 * <pre>{@code
 * LoadPlan plan = new LoadPlan(8, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(5));
 * LoadPlan thinking = plan.withThinkTime(Duration.ofMillis(100));
 * LoadPlan sessions = plan.withThinkTime(ThinkTime.exponential(Duration.ofMillis(500))).withIterationsPerUser(20);
 * }</pre>
 *
 * @param users             concurrent virtual users, 1 to {@value #MAX_USERS}
 * @param warmUp            time before measuring starts; zero for none
 * @param duration          measured time, more than zero
 * @param requestTimeout    longest a single request may take before it counts as a timeout error
 * @param thinkTime         pause of a user after each iteration; {@link ThinkTime#NONE} for none (a saturating load)
 * @param iterationsPerUser iterations after which a user stops, warm-up included; 0 for no limit but the run's end
 */
public record LoadPlan(int users, Duration warmUp, Duration duration, Duration requestTimeout, ThinkTime thinkTime,
        long iterationsPerUser) implements RunPlan {

    /** Upper bound on virtual users: each is a platform thread in this engine. */
    public static final int MAX_USERS = 2_000;

    /** Default for {@link #requestTimeout()} where the caller has no opinion. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public LoadPlan {
        if (users < 1 || users > MAX_USERS) {
            throw new IllegalArgumentException("users: " + users + " is out of range; use 1 to " + MAX_USERS + ", e.g. 8");
        }
        PlanFields.requireDuration(warmUp, "warmUp", true, "\"2s\"");
        PlanFields.requireDuration(duration, "duration", false, "\"10s\"");
        PlanFields.requireDuration(requestTimeout, "requestTimeout", false, "\"5s\"");
        if (thinkTime == null) {
            throw new IllegalArgumentException("thinkTime: none given; give ThinkTime.NONE for no pause, e.g. "
                    + "ThinkTime.fixed(Duration.ofMillis(100))");
        }
        if (iterationsPerUser < 0 || iterationsPerUser > LoadEngine.MAX_ITERATIONS_PER_USER) {
            throw new IllegalArgumentException("iterationsPerUser: " + iterationsPerUser + " is out of range; use 1 to "
                    + LoadEngine.MAX_ITERATIONS_PER_USER + ", or 0 for no limit, e.g. 100");
        }
    }

    /** A plan with a fixed think time (zero for none) and no limit on iterations. */
    public LoadPlan(int users, Duration warmUp, Duration duration, Duration requestTimeout, Duration thinkTime) {
        this(users, warmUp, duration, requestTimeout, ThinkTime.fixed(thinkTime), 0);
    }

    /** A plan without think time: every user sends its next request as soon as the last one ended. */
    public LoadPlan(int users, Duration warmUp, Duration duration, Duration requestTimeout) {
        this(users, warmUp, duration, requestTimeout, ThinkTime.NONE, 0);
    }

    /** A copy with another fixed think time. */
    public LoadPlan withThinkTime(Duration pause) {
        return withThinkTime(ThinkTime.fixed(pause));
    }

    /** A copy with another think time. */
    public LoadPlan withThinkTime(ThinkTime pause) {
        return new LoadPlan(users, warmUp, duration, requestTimeout, pause, iterationsPerUser);
    }

    /** A copy in which each user stops after {@code iterations} iterations (0: no limit). */
    public LoadPlan withIterationsPerUser(long iterations) {
        return new LoadPlan(users, warmUp, duration, requestTimeout, thinkTime, iterations);
    }

    /** The most iterations a user may run: the session limit, or the engine's bound when there is none. */
    long iterationLimit() {
        return iterationsPerUser == 0 ? LoadEngine.MAX_ITERATIONS_PER_USER : iterationsPerUser;
    }
}
