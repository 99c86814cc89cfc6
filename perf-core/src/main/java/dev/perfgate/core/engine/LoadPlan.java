package dev.perfgate.core.engine;

import java.time.Duration;

/**
 * What a closed-model run does (the name predates the open model, {@link OpenLoadPlan}): {@code users} virtual users repeat their scenario, pausing
 * {@code thinkTime} after each iteration, first for {@code warmUp} (not measured), then for
 * {@code duration} (measured).
 *
 * <pre>{@code
 * LoadPlan plan = new LoadPlan(8, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(5));
 * LoadPlan thinking = plan.withThinkTime(Duration.ofMillis(100));
 * }</pre>
 *
 * @param users          concurrent virtual users, 1 to {@value #MAX_USERS}
 * @param warmUp         time before measuring starts; zero for none
 * @param duration       measured time, more than zero
 * @param requestTimeout longest a single request may take before it counts as a timeout error
 * @param thinkTime      pause of a user after each iteration; zero for none (a saturating load)
 */
public record LoadPlan(int users, Duration warmUp, Duration duration, Duration requestTimeout, Duration thinkTime)
        implements RunPlan {

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
        PlanFields.requireDuration(thinkTime, "thinkTime", true, "\"100ms\"");
    }

    /** A plan without think time: every user sends its next request as soon as the last one ended. */
    public LoadPlan(int users, Duration warmUp, Duration duration, Duration requestTimeout) {
        this(users, warmUp, duration, requestTimeout, Duration.ZERO);
    }

    /** A copy with another think time. */
    public LoadPlan withThinkTime(Duration pause) {
        return new LoadPlan(users, warmUp, duration, requestTimeout, pause);
    }
}
