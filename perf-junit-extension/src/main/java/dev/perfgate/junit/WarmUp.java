package dev.perfgate.junit;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.OpenLoadPlan;
import dev.perfgate.core.engine.RunPlan;
import dev.perfgate.core.time.ReadableDuration;
import dev.perfgate.core.time.ReadableRate;

/**
 * A {@link LoadTest#warmUp()} as written: a length ({@code "10s"}), or a length with a load of its own: at a
 * rate in the open model ({@code "10s at 500/s"}), with more users in the closed model ({@code "5s with 4
 * users"}). A JIT compiles a method after so many calls, not after so many seconds: a test at a low rate or
 * with one user can still be running half-compiled code after a long warm-up at its own load, and a heavier
 * warm-up gets it there in fewer seconds.
 *
 * @param length    how long the warm-up lasts
 * @param perSecond the warm-up's arrival rate, or {@code null} for the measured phase's initial rate
 * @param users     the warm-up's users, or 0 for the measured phase's initial users
 * @param text      the value as written, and {@code where} it came from, for error messages
 */
record WarmUp(Duration length, Double perSecond, int users, String text, String where) {

    private static final Pattern AT_RATE = Pattern.compile("(.+?)\\s+at\\s+(.+)");
    private static final Pattern WITH_USERS = Pattern.compile("(.+?)\\s+with\\s+([0-9]{1,9})\\s+users?");

    /**
     * Parses {@code text} from {@code where}.
     *
     * @throws IllegalArgumentException naming {@code where}, the value and the forms it may take
     */
    static WarmUp parse(String text, String where) {
        String value = text == null ? "" : text.strip();
        Matcher withUsers = WITH_USERS.matcher(value);
        if (withUsers.matches()) {
            int users = Integer.parseInt(withUsers.group(2));
            if (users < 1 || users > LoadPlan.MAX_USERS) {
                throw new IllegalArgumentException(where + ": '" + text + "' asks for " + users + " users; use 1 to "
                        + LoadPlan.MAX_USERS + ", e.g. \"5s with 4 users\"");
            }
            return new WarmUp(ReadableDuration.parse(withUsers.group(1), where), null, users, text, where);
        }
        Matcher atRate = AT_RATE.matcher(value);
        if (!atRate.matches()) {
            return new WarmUp(ReadableDuration.parse(text, where), null, 0, text, where);
        }
        Duration length = ReadableDuration.parse(atRate.group(1), where);
        try {
            return new WarmUp(length, ReadableRate.parse(atRate.group(2), where), 0, text, where);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not a warm-up; use a length (\"10s\"), a length at a"
                    + " rate for an arrival rate (\"10s at 500/s\") or a length with users (\"5s with 4 users\"): " + e.getMessage(), e);
        }
    }

    /** {@code plan} with this warm-up. */
    RunPlan applyTo(RunPlan plan) {
        if (plan instanceof OpenLoadPlan open) {
            if (users != 0) {
                throw new IllegalArgumentException(where + ": '" + text + "' is a warm-up with users of its own, which is for the"
                        + " closed model (users), but the test runs an arrival rate; warm up at a rate instead, e.g. \""
                        + ReadableDuration.format(length) + " at " + (long) Math.max(1, open.arrivals().initialPerSecond() * 5) + "/s\"");
            }
            return open.withWarmUp(length, perSecond == null ? open.arrivals().initialPerSecond() : perSecond);
        }
        if (perSecond != null) {
            throw new IllegalArgumentException(where + ": '" + text + "' is a warm-up at a rate of its own, which is for the open model"
                    + " (@LoadTest(arrivalRate)); in the closed model warm up with users instead, e.g. \""
                    + ReadableDuration.format(length) + " with 4 users\"");
        }
        return ((LoadPlan) plan).withWarmUp(length, users);
    }
}
