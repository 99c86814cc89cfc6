package dev.perfgate.core.engine;

import java.time.Duration;
import java.util.SplittableRandom;

import dev.perfgate.core.time.ReadableDuration;

/**
 * How long a closed-model user pauses after each iteration: a fixed pause, one drawn uniformly from
 * a range, or one drawn from an exponential distribution (the pauses of independent users, whose
 * next iteration is as likely in any instant). A pause never runs past the end of the run.
 *
 * <pre>{@code
 * plan.withThinkTime(ThinkTime.fixed(Duration.ofMillis(100)));
 * plan.withThinkTime(ThinkTime.uniform(Duration.ofMillis(50), Duration.ofMillis(150)));
 * plan.withThinkTime(ThinkTime.exponential(Duration.ofMillis(100)));
 * }</pre>
 */
public sealed interface ThinkTime {

    /** No pause: each user starts its next iteration as soon as the last ended (a saturating load). */
    ThinkTime NONE = new Fixed(Duration.ZERO);

    /** The same pause after every iteration; zero for none. */
    static ThinkTime fixed(Duration pause) {
        return new Fixed(pause);
    }

    /** A pause drawn uniformly from {@code min} to {@code max}, both included. */
    static ThinkTime uniform(Duration min, Duration max) {
        return new Uniform(min, max);
    }

    /** A pause drawn from the exponential distribution of mean {@code mean}. */
    static ThinkTime exponential(Duration mean) {
        return new Exponential(mean);
    }

    /**
     * The think time {@code text} states: fixed ({@code "100ms"}, {@code "0s"} for none), uniform over a
     * range ({@code "5s..15s"}) or exponential of a mean ({@code "~100ms"}).
     *
     * @throws IllegalArgumentException naming {@code where}, the value and the valid forms
     */
    static ThinkTime parse(String text, String where) {
        String value = text == null ? "" : text.strip();
        try {
            if (value.startsWith("~")) {
                return exponential(ReadableDuration.parse(value.substring(1), where));
            }
            int range = value.indexOf("..");
            if (range >= 0) {
                return uniform(ReadableDuration.parse(value.substring(0, range), where),
                        ReadableDuration.parse(value.substring(range + 2), where));
            }
            return fixed(ReadableDuration.parse(value, where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not a think time; use a pause (\"100ms\"), a range"
                    + " (\"5s..15s\") or an exponential mean (\"~100ms\")", e);
        }
    }

    /** The mean pause. */
    Duration mean();

    /** The next pause in nanoseconds, drawn with {@code random} (one per user, confined to its thread). */
    long nextNanos(SplittableRandom random);

    /** The pause as people write it, e.g. {@code "100ms"}, {@code "50ms to 150ms"}, {@code "exponential 100ms"}. */
    String describe();

    /** @param pause the pause, zero or longer */
    record Fixed(Duration pause) implements ThinkTime {

        public Fixed {
            PlanFields.requireDuration(pause, "thinkTime", true, "Duration.ofMillis(100)");
        }

        @Override
        public Duration mean() {
            return pause;
        }

        @Override
        public long nextNanos(SplittableRandom random) {
            return pause.toNanos();
        }

        @Override
        public String describe() {
            return ReadableDuration.format(pause);
        }
    }

    /**
     * @param min shortest pause, zero or longer
     * @param max longest pause, at least {@code min}
     */
    record Uniform(Duration min, Duration max) implements ThinkTime {

        public Uniform {
            PlanFields.requireDuration(min, "thinkTime min", true, "Duration.ofMillis(50)");
            PlanFields.requireDuration(max, "thinkTime max", true, "Duration.ofMillis(150)");
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("thinkTime max: " + max + " is shorter than min " + min
                        + "; give min <= max, e.g. ThinkTime.uniform(Duration.ofMillis(50), Duration.ofMillis(150))");
            }
        }

        @Override
        public Duration mean() {
            return min.plus(max).dividedBy(2);
        }

        @Override
        public long nextNanos(SplittableRandom random) {
            return min.toNanos() + random.nextLong(max.toNanos() - min.toNanos() + 1);
        }

        @Override
        public String describe() {
            return ReadableDuration.format(min) + " to " + ReadableDuration.format(max);
        }
    }

    /** @param mean the mean pause, longer than zero */
    record Exponential(Duration mean) implements ThinkTime {

        public Exponential {
            PlanFields.requireDuration(mean, "thinkTime mean", false, "Duration.ofMillis(100)");
        }

        @Override
        public long nextNanos(SplittableRandom random) {
            // Inverse transform; 1 - u is in (0, 1], so the logarithm is finite.
            return Math.round(-mean.toNanos() * Math.log(1 - random.nextDouble()));
        }

        @Override
        public String describe() {
            return "exponential " + ReadableDuration.format(mean);
        }
    }
}
