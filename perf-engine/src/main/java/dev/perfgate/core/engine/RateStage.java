package dev.perfgate.core.engine;

import java.time.Duration;
import java.util.Locale;

import dev.perfgate.core.time.ReadableDuration;

/**
 * One stage of an {@link ArrivalSchedule}: the arrival rate goes linearly from {@code fromPerSecond}
 * to {@code toPerSecond} over {@code duration}; equal rates make a constant stage, zero a pause.
 *
 * @param fromPerSecond arrivals per second at the start of the stage, 0 to {@value ArrivalSchedule#MAX_RATE_PER_SECOND}
 * @param toPerSecond   arrivals per second at its end, 0 to {@value ArrivalSchedule#MAX_RATE_PER_SECOND}
 * @param duration      how long the stage lasts, more than zero
 */
public record RateStage(double fromPerSecond, double toPerSecond, Duration duration) {

    public RateStage {
        requireRate(fromPerSecond, "fromPerSecond");
        requireRate(toPerSecond, "toPerSecond");
        PlanFields.requireDuration(duration, "duration", false, "Duration.ofSeconds(10)");
    }

    /** A stage at a constant rate. */
    public static RateStage constant(double perSecond, Duration duration) {
        return new RateStage(perSecond, perSecond, duration);
    }

    /** The arrivals the stage calls for: the integral of its rate, {@code (from + to) / 2 * seconds}. */
    public double expectedArrivals() {
        return (fromPerSecond + toPerSecond) / 2 * seconds();
    }

    double seconds() {
        return duration.toNanos() / 1e9;
    }

    /**
     * Seconds after the stage's start at which {@code arrivals} arrivals are due, i.e. the time at which
     * the integral of the rate reaches {@code arrivals} (0 to {@link #expectedArrivals()}).
     */
    double secondsUntil(double arrivals) {
        if (arrivals <= 0) {
            return 0;
        }
        // rate(t) = from + (to - from) t / T, so arrivals(t) = from t + (to - from) t^2 / 2T. The root in
        // the form 2x / (from + sqrt(...)) holds for ramps up and down, constant rates and a start at zero.
        double slope = (toPerSecond - fromPerSecond) / seconds();
        double discriminant = Math.max(0, fromPerSecond * fromPerSecond + 2 * slope * arrivals);
        return 2 * arrivals / (fromPerSecond + Math.sqrt(discriminant));
    }

    /** The arrivals due in the first {@code elapsedSeconds} of the stage (0 to its length). */
    double arrivalsWithin(double elapsedSeconds) {
        double slope = (toPerSecond - fromPerSecond) / seconds();
        return fromPerSecond * elapsedSeconds + slope * elapsedSeconds * elapsedSeconds / 2;
    }

    @Override
    public String toString() {
        String length = ReadableDuration.format(duration);
        return fromPerSecond == toPerSecond
                ? rate(fromPerSecond) + " for " + length
                : rate(fromPerSecond) + " to " + rate(toPerSecond) + " over " + length;
    }

    private static String rate(double perSecond) {
        return (perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond)
                : String.format(Locale.ROOT, "%.3f", perSecond).replaceAll("0+$", "")) + "/s";
    }

    private static void requireRate(double perSecond, String name) {
        if (!(perSecond >= 0 && perSecond <= ArrivalSchedule.MAX_RATE_PER_SECOND)) {
            throw new IllegalArgumentException(name + ": " + perSecond + " is out of range; use 0 to "
                    + (long) ArrivalSchedule.MAX_RATE_PER_SECOND + " arrivals per second, e.g. 200");
        }
    }
}
