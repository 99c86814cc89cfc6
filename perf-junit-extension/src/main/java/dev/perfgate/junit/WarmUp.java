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
 * A {@link LoadTest#warmUp()} as written: a length ({@code "10s"}) or, in the open model, a length at a
 * rate of its own ({@code "10s at 500/s"}). A JIT compiles a method after so many calls, not after so
 * many seconds: an open-model test at a low rate can still be running half-compiled code after a long
 * warm-up at that rate, and a warm-up at a higher rate gets it there in fewer seconds.
 *
 * @param length    how long the warm-up lasts
 * @param perSecond the warm-up's arrival rate, or {@code null} for the measured phase's initial rate
 * @param text      the value as written, and {@code where} it came from, for error messages
 */
record WarmUp(Duration length, Double perSecond, String text, String where) {

    private static final Pattern AT_RATE = Pattern.compile("(.+?)\\s+at\\s+(.+)");

    /**
     * Parses {@code text} from {@code where}.
     *
     * @throws IllegalArgumentException naming {@code where}, the value and the forms it may take
     */
    static WarmUp parse(String text, String where) {
        Matcher atRate = AT_RATE.matcher(text == null ? "" : text.strip());
        if (!atRate.matches()) {
            return new WarmUp(ReadableDuration.parse(text, where), null, text, where);
        }
        Duration length = ReadableDuration.parse(atRate.group(1), where);
        try {
            return new WarmUp(length, ReadableRate.parse(atRate.group(2), where), text, where);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not a warm-up; use a length (\"10s\") or, with an"
                    + " arrival rate, a length at a rate (\"10s at 500/s\"): " + e.getMessage(), e);
        }
    }

    /** {@code plan} with this warm-up. */
    RunPlan applyTo(RunPlan plan) {
        if (plan instanceof OpenLoadPlan open) {
            return open.withWarmUp(length, perSecond == null ? open.arrivals().initialPerSecond() : perSecond);
        }
        if (perSecond != null) {
            throw new IllegalArgumentException(where + ": '" + text + "' is a warm-up at a rate of its own, which is for the open model"
                    + " (@LoadTest(arrivalRate)); a closed-model warm-up runs the test's users, so give a length only, e.g. \""
                    + ReadableDuration.format(length) + "\"");
        }
        return ((LoadPlan) plan).withWarmUp(length);
    }
}
