package dev.perfgate.core.engine;

import java.time.Duration;

import dev.perfgate.core.time.ReadableDuration;

/**
 * One stage of a {@link UserSchedule}: the number of active users goes linearly from
 * {@code fromUsers} to {@code toUsers} over {@code duration}; equal counts hold it.
 *
 * @param fromUsers active users at the start of the stage, 0 to {@value LoadPlan#MAX_USERS}
 * @param toUsers   active users at its end, 0 to {@value LoadPlan#MAX_USERS}
 * @param duration  how long the stage lasts, more than zero
 */
public record UserStage(int fromUsers, int toUsers, Duration duration) {

    public UserStage {
        requireUsers(fromUsers, "fromUsers");
        requireUsers(toUsers, "toUsers");
        PlanFields.requireDuration(duration, "duration", false, "Duration.ofSeconds(10)");
    }

    /** A stage that holds {@code users} for {@code duration}. */
    public static UserStage hold(int users, Duration duration) {
        return new UserStage(users, users, duration);
    }

    /** Active users {@code elapsedNanos} into the stage, as a real number: the linear interpolation. */
    double usersAt(long elapsedNanos) {
        return fromUsers + (toUsers - fromUsers) * (elapsedNanos / (double) duration.toNanos());
    }

    /** {@code "hold 20 for 30s"} or {@code "ramp 0->20 over 10s"}: the notation {@link UserSchedule#parse} reads. */
    @Override
    public String toString() {
        String length = ReadableDuration.format(duration);
        return fromUsers == toUsers ? "hold " + fromUsers + " for " + length : "ramp " + fromUsers + "->" + toUsers + " over " + length;
    }

    private static void requireUsers(int users, String name) {
        if (users < 0 || users > LoadPlan.MAX_USERS) {
            throw new IllegalArgumentException(name + ": " + users + " is out of range; use 0 to " + LoadPlan.MAX_USERS + " users, e.g. 20");
        }
    }
}
