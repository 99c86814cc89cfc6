package dev.perfgate.core.engine;

import java.time.Duration;

import dev.perfgate.core.time.ReadableDuration;

/** Checks of plan fields, with messages that name the field, the bad value and a valid example. */
final class PlanFields {

    private PlanFields() {
    }

    /**
     * The longest duration a plan field may hold. Far beyond any load test, yet small enough that the
     * engine's sums of durations in nanoseconds (deadlines, pauses, schedules) cannot overflow.
     */
    static final Duration MAX_DURATION = Duration.ofDays(30);

    /** A duration field: not null, not negative, not zero unless {@code zeroAllowed}, at most {@link #MAX_DURATION}. */
    static void requireDuration(Duration value, String name, boolean zeroAllowed, String example) {
        if (value == null || value.isNegative() || (!zeroAllowed && value.isZero())) {
            throw new IllegalArgumentException(name + ": " + value + " must be " + (zeroAllowed ? "zero or longer" : "longer than zero")
                    + ", e.g. " + example);
        }
        if (value.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException(name + ": " + ReadableDuration.format(value) + " is longer than the "
                    + MAX_DURATION.toDays() + " days a run may last; give a shorter one, e.g. " + example);
        }
    }
}
