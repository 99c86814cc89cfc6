package dev.perfgate.core.engine;

import java.time.Duration;
import java.util.List;

/**
 * What a closed-model run does (the name predates the open model, {@link OpenLoadPlan}):
 * {@code users} virtual users repeat their scenario, pausing {@code thinkTime} after each iteration,
 * first for {@code warmUp} (not measured), then for {@code duration} (measured); a user whose session
 * is limited stops after {@code iterationsPerUser} iterations. With a {@link UserSchedule} the users
 * are started and stopped over time (ramps, steps); {@code users} is then its peak and {@code duration}
 * its length. The warm-up holds the schedule's initial users, or {@code warmUpUsers}: a JIT compiles after
 * so many calls, not so many seconds, so a test of one user warms up faster with several.
 *
 * <pre>{@code
 * LoadPlan plan = new LoadPlan(8, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(5));
 * LoadPlan thinking = plan.withThinkTime(Duration.ofMillis(100));
 * LoadPlan sessions = plan.withThinkTime(ThinkTime.exponential(Duration.ofMillis(500))).withIterationsPerUser(20);
 * LoadPlan ramped = LoadPlan.of(UserSchedule.ramp(0, 20, Duration.ofSeconds(10)).thenHold(20, Duration.ofSeconds(30)))
 *         .withWarmUp(Duration.ZERO);
 * LoadPlan oneUserWarmedByFour = new LoadPlan(1, Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(5))
 *         .withWarmUp(Duration.ofSeconds(5), 4);
 * }</pre>
 *
 * @param users             concurrent virtual users, 1 to {@value #MAX_USERS}
 * @param warmUp            time before measuring starts; zero for none
 * @param duration          measured time, more than zero
 * @param requestTimeout    longest a single request may take before it counts as a timeout error
 * @param thinkTime         pause of a user after each iteration; {@link ThinkTime#NONE} for none (a saturating load)
 * @param iterationsPerUser iterations after which a user stops, warm-up included; 0 for no limit but the run's end
 * @param schedule          how many users are active over the measured phase; {@code null} (given to the
 *                          constructor) means {@code users} throughout. Its peak must be {@code users} and its
 *                          length {@code duration}
 * @param warmUpUsers       users active in the warm-up, 1 to {@value #MAX_USERS}; 0 for the schedule's initial users.
 *                          Those beyond the schedule's leave when it ends, each after its iteration
 */
public record LoadPlan(int users, Duration warmUp, Duration duration, Duration requestTimeout, ThinkTime thinkTime,
        long iterationsPerUser, UserSchedule schedule, int warmUpUsers) implements RunPlan {

    /**
     * Upper bound on virtual users. Each is a thread (platform, or virtual on Java 21+ when asked) and
     * 5 to 14 KiB of heap (the latter with a connection of its own); the figures are shared by all users
     * (bench/RESULTS.md, "Many virtual users").
     */
    public static final int MAX_USERS = 10_000;

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
        if (schedule == null) {
            schedule = UserSchedule.hold(users, duration);
        } else if (schedule.peakUsers() != users || !schedule.duration().equals(duration)) {
            throw new IllegalArgumentException("schedule: " + schedule + " peaks at " + schedule.peakUsers() + " users over "
                    + schedule.duration() + ", but the plan says " + users + " users over " + duration
                    + "; build staged plans with LoadPlan.of(schedule)");
        }
        if (warmUpUsers < 0 || warmUpUsers > MAX_USERS) {
            throw new IllegalArgumentException("warmUpUsers: " + warmUpUsers + " is out of range; use 1 to " + MAX_USERS
                    + ", or 0 for the schedule's initial users, e.g. 4");
        }
    }

    /** A plan whose warm-up, if any, holds the schedule's initial users. */
    public LoadPlan(int users, Duration warmUp, Duration duration, Duration requestTimeout, ThinkTime thinkTime,
            long iterationsPerUser, UserSchedule schedule) {
        this(users, warmUp, duration, requestTimeout, thinkTime, iterationsPerUser, schedule, 0);
    }

    /** A plan with a think time and a session limit, and {@code users} active throughout. */
    public LoadPlan(int users, Duration warmUp, Duration duration, Duration requestTimeout, ThinkTime thinkTime,
            long iterationsPerUser) {
        this(users, warmUp, duration, requestTimeout, thinkTime, iterationsPerUser, null);
    }

    /** A plan with a fixed think time (zero for none) and no limit on iterations. */
    public LoadPlan(int users, Duration warmUp, Duration duration, Duration requestTimeout, Duration thinkTime) {
        this(users, warmUp, duration, requestTimeout, ThinkTime.fixed(thinkTime), 0);
    }

    /** A plan without think time: every user sends its next request as soon as the last one ended. */
    public LoadPlan(int users, Duration warmUp, Duration duration, Duration requestTimeout) {
        this(users, warmUp, duration, requestTimeout, ThinkTime.NONE, 0);
    }

    /**
     * A plan whose users follow {@code schedule}, without warm-up, think time or session limit, with the
     * default request timeout ({@link #DEFAULT_REQUEST_TIMEOUT}).
     */
    public static LoadPlan of(UserSchedule schedule) {
        if (schedule == null) {
            throw new IllegalArgumentException("schedule: none given; give one, e.g. " + UserSchedule.EXAMPLE);
        }
        return new LoadPlan(schedule.peakUsers(), Duration.ZERO, schedule.duration(), DEFAULT_REQUEST_TIMEOUT, ThinkTime.NONE, 0,
                schedule);
    }

    /** A copy whose users follow {@code newSchedule}: {@code users} becomes its peak and {@code duration} its length. */
    public LoadPlan withSchedule(UserSchedule newSchedule) {
        return new LoadPlan(newSchedule.peakUsers(), warmUp, newSchedule.duration(), requestTimeout, thinkTime, iterationsPerUser,
                newSchedule, warmUpUsers);
    }

    /** A copy with another warm-up length, holding the same users. */
    public LoadPlan withWarmUp(Duration newWarmUp) {
        return new LoadPlan(users, newWarmUp, duration, requestTimeout, thinkTime, iterationsPerUser, schedule, warmUpUsers);
    }

    /** A copy whose warm-up lasts {@code newWarmUp} with {@code users} active (0: the schedule's initial users). */
    public LoadPlan withWarmUp(Duration newWarmUp, int users) {
        return new LoadPlan(this.users, newWarmUp, duration, requestTimeout, thinkTime, iterationsPerUser, schedule, users);
    }

    /** The users active in the warm-up: {@link #warmUpUsers()}, else the schedule's initial users. */
    public int usersInWarmUp() {
        return warmUpUsers == 0 ? schedule.initialUsers() : warmUpUsers;
    }

    /** The users the run needs at its peak, the warm-up included: a thread each. */
    public int peakUsersWithWarmUp() {
        return warmUp.isZero() ? users : Math.max(users, usersInWarmUp());
    }

    /** A copy with another request timeout. */
    public LoadPlan withRequestTimeout(Duration newRequestTimeout) {
        return new LoadPlan(users, warmUp, duration, newRequestTimeout, thinkTime, iterationsPerUser, schedule, warmUpUsers);
    }

    /** Whether users are started or stopped during the run (a schedule with more than one count). */
    public boolean isStaged() {
        return !schedule.isConstant();
    }

    @Override
    public List<Duration> stageLengths() {
        return schedule.stages().stream().map(UserStage::duration).toList();
    }

    /** The whole run's user timeline: the warm-up holding its users, then {@link #schedule()}. */
    UserSchedule timeline() {
        return schedule.afterLeadIn(warmUp, usersInWarmUp());
    }

    /** A copy with another fixed think time. */
    public LoadPlan withThinkTime(Duration pause) {
        return withThinkTime(ThinkTime.fixed(pause));
    }

    /** A copy with another think time. */
    public LoadPlan withThinkTime(ThinkTime pause) {
        return new LoadPlan(users, warmUp, duration, requestTimeout, pause, iterationsPerUser, schedule, warmUpUsers);
    }

    /** A copy in which each user stops after {@code iterations} iterations (0: no limit). */
    public LoadPlan withIterationsPerUser(long iterations) {
        return new LoadPlan(users, warmUp, duration, requestTimeout, thinkTime, iterations, schedule, warmUpUsers);
    }

    /** The most iterations a user may run: the session limit, or the engine's bound when there is none. */
    long iterationLimit() {
        return iterationsPerUser == 0 ? LoadEngine.MAX_ITERATIONS_PER_USER : iterationsPerUser;
    }
}
