package dev.perfgate.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.perfgate.core.time.ReadableDuration;

/**
 * How many users a closed-model run has active over time: a sequence of {@link UserStage}s, each
 * holding a count or ramping linearly between two. User {@code k} (1-based) is active while the
 * interpolated count is at least {@code k}: a ramp from 0 to 20 over 10 s starts a user every half
 * second, a ramp down stops the highest-numbered users first. A user that is no longer wanted stops
 * at the end of its current iteration (and think time): never in the middle of a request. Immutable
 * and thread-safe.
 *
 * <pre>{@code
 * UserSchedule schedule = UserSchedule.ramp(0, 20, Duration.ofSeconds(10))
 *         .thenHold(20, Duration.ofSeconds(30))
 *         .thenRampTo(0, Duration.ofSeconds(5));
 * UserSchedule same = UserSchedule.parse("ramp 0->20 over 10s, hold 20 for 30s, ramp 20->0 over 5s", "example");
 * }</pre>
 */
public final class UserSchedule {

    /** What {@link #nextActiveNanos} returns when the user is not wanted again before the schedule ends. */
    public static final long NEVER = -1;

    /** A valid schedule in the notation of {@link #parse}, for error messages. */
    public static final String EXAMPLE = "\"ramp 0->20 over 10s, hold 20 for 30s, ramp 20->0 over 5s\"";

    private static final Pattern RAMP = Pattern.compile("ramp\\s+(\\d+)\\s*->\\s*(\\d+)\\s+over\\s+(\\S+)");
    private static final Pattern HOLD = Pattern.compile("hold\\s+(\\d+)\\s+for\\s+(\\S+)");

    private final List<UserStage> stages;
    /** Nanoseconds from the schedule's start to the start of each stage, and to its end as the last element. */
    private final long[] stageStartNanos;

    private UserSchedule(List<UserStage> stages) {
        if (stages == null || stages.isEmpty()) {
            throw new IllegalArgumentException("stages: none given; give at least one, e.g. " + EXAMPLE);
        }
        this.stages = List.copyOf(stages);
        stageStartNanos = new long[stages.size() + 1];
        for (int i = 0; i < stages.size(); i++) {
            stageStartNanos[i + 1] = Math.addExact(stageStartNanos[i], stages.get(i).duration().toNanos());
        }
        if (peakUsers() < 1) {
            throw new IllegalArgumentException("stages: " + describe() + " call for no user; give at least one, e.g. " + EXAMPLE);
        }
    }

    /** {@code users} for {@code duration}: the schedule of a plan with a fixed number of users. */
    public static UserSchedule hold(int users, Duration duration) {
        return of(List.of(UserStage.hold(users, duration)));
    }

    /** Users going linearly from {@code fromUsers} to {@code toUsers} over {@code duration}. */
    public static UserSchedule ramp(int fromUsers, int toUsers, Duration duration) {
        return of(List.of(new UserStage(fromUsers, toUsers, duration)));
    }

    /** The stages in order. */
    public static UserSchedule of(List<UserStage> stages) {
        return new UserSchedule(stages);
    }

    /**
     * The schedule {@code text} states: stages separated by commas, each {@code "ramp A->B over D"} or
     * {@code "hold N for D"}, durations as in {@code "30s"}, {@code "1m30s"}.
     *
     * @throws IllegalArgumentException naming {@code where}, the stage that could not be read and a valid example
     */
    public static UserSchedule parse(String text, String where) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(where + ": no stages given; use e.g. " + EXAMPLE);
        }
        List<UserStage> stages = new ArrayList<>();
        for (String part : text.split(",")) {
            String stage = part.strip();
            try {
                stages.add(parseStage(stage, where));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": stage '" + stage + "' of '" + text.strip() + "' is not valid ("
                        + e.getMessage() + "); use e.g. " + EXAMPLE, e);
            }
        }
        try {
            return of(stages);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static UserStage parseStage(String stage, String where) {
        Matcher ramp = RAMP.matcher(stage);
        if (ramp.matches()) {
            return new UserStage(count(ramp.group(1)), count(ramp.group(2)), ReadableDuration.parse(ramp.group(3), where));
        }
        Matcher hold = HOLD.matcher(stage);
        if (hold.matches()) {
            return UserStage.hold(count(hold.group(1)), ReadableDuration.parse(hold.group(2), where));
        }
        throw new IllegalArgumentException("expected 'ramp A->B over D' or 'hold N for D'");
    }

    private static int count(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(digits + " users is too many; use 0 to " + LoadPlan.MAX_USERS, e);
        }
    }

    /** This schedule followed by {@code users} held for {@code duration}. */
    public UserSchedule thenHold(int users, Duration duration) {
        return then(UserStage.hold(users, duration));
    }

    /** This schedule followed by a ramp from its final count to {@code toUsers} over {@code duration}. */
    public UserSchedule thenRampTo(int toUsers, Duration duration) {
        return then(new UserStage(finalUsers(), toUsers, duration));
    }

    private UserSchedule then(UserStage next) {
        List<UserStage> longer = new ArrayList<>(stages);
        longer.add(next);
        return new UserSchedule(longer);
    }

    /** The stages in order. */
    public List<UserStage> stages() {
        return stages;
    }

    /** The length of the whole schedule. */
    public Duration duration() {
        return Duration.ofNanos(stageStartNanos[stages.size()]);
    }

    /** Users at the start. */
    public int initialUsers() {
        return stages.get(0).fromUsers();
    }

    /** Users at the end. */
    public int finalUsers() {
        return stages.get(stages.size() - 1).toUsers();
    }

    /** The most users active at any time: the threads a run of this schedule starts. */
    public int peakUsers() {
        return stages.stream().mapToInt(s -> Math.max(s.fromUsers(), s.toUsers())).max().orElseThrow();
    }

    /** Whether the schedule holds one count throughout. */
    public boolean isConstant() {
        return stages.stream().allMatch(s -> s.fromUsers() == initialUsers() && s.toUsers() == initialUsers());
    }

    /**
     * The users wanted {@code elapsedNanos} after the schedule's start: the interpolated count rounded
     * down (user {@code k} is wanted once the count reaches {@code k}); the final count from the end on.
     */
    public int usersAt(long elapsedNanos) {
        if (elapsedNanos >= stageStartNanos[stages.size()]) {
            return finalUsers();
        }
        int stage = stageAt(Math.max(0, elapsedNanos));
        return (int) Math.floor(stages.get(stage).usersAt(Math.max(0, elapsedNanos) - stageStartNanos[stage]) + 1e-9);
    }

    /**
     * The first time, {@code fromNanos} after the schedule's start or later, at which user {@code user}
     * (1-based) is wanted; {@link #NEVER} when it is not wanted again before the schedule ends.
     */
    public long nextActiveNanos(int user, long fromNanos) {
        long from = Math.max(0, fromNanos);
        if (from >= stageStartNanos[stages.size()]) {
            return NEVER;
        }
        for (int stage = stageAt(from); stage < stages.size(); stage++) {
            UserStage s = stages.get(stage);
            long start = stageStartNanos[stage];
            long at = Math.max(from, start);
            if (s.usersAt(at - start) + 1e-9 >= user) {
                return at;
            }
            if (s.toUsers() >= user && s.toUsers() > s.fromUsers()) {
                double fraction = (user - s.fromUsers()) / (double) (s.toUsers() - s.fromUsers());
                long reached = start + (long) Math.ceil(fraction * s.duration().toNanos());
                return Math.min(Math.max(at, reached), stageStartNanos[stage + 1] - 1);
            }
        }
        return NEVER;
    }

    private int stageAt(long elapsedNanos) {
        int stage = 0;
        while (stage < stages.size() - 1 && stageStartNanos[stage + 1] <= elapsedNanos) {
            stage++;
        }
        return stage;
    }

    /**
     * This schedule after a lead-in of {@code warmUp} holding {@code warmUpUsers}: the timeline of a run
     * whose warm-up comes first.
     */
    UserSchedule afterLeadIn(Duration warmUp, int warmUpUsers) {
        if (warmUp.isZero()) {
            return this;
        }
        List<UserStage> longer = new ArrayList<>();
        longer.add(UserStage.hold(warmUpUsers, warmUp));
        longer.addAll(stages);
        return new UserSchedule(longer);
    }

    /** The stages in the notation of {@link #parse}, e.g. {@code "ramp 0->20 over 10s, hold 20 for 30s"}. */
    public String describe() {
        return stages.stream().map(UserStage::toString).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserSchedule that && stages.equals(that.stages);
    }

    @Override
    public int hashCode() {
        return stages.hashCode();
    }
}
