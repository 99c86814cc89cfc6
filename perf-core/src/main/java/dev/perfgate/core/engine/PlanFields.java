package dev.perfgate.core.engine;

import java.time.Duration;

/** Checks of plan fields, with messages that name the field, the bad value and a valid example. */
final class PlanFields {

    private PlanFields() {
    }

    /** A duration field: not null, not negative, and not zero unless {@code zeroAllowed}. */
    static void requireDuration(Duration value, String name, boolean zeroAllowed, String example) {
        if (value == null || value.isNegative() || (!zeroAllowed && value.isZero())) {
            throw new IllegalArgumentException(name + ": " + value + " must be " + (zeroAllowed ? "zero or longer" : "longer than zero")
                    + ", e.g. " + example);
        }
    }
}
