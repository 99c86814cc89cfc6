package dev.perfgate.core.time;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them: {@code "250ms"}, {@code "30s"}, {@code "2m"}, {@code "1h"},
 * and sums such as {@code "1m30s"}.
 *
 * <pre>{@code
 * Duration d = ReadableDuration.parse("1m30s", "@LoadTest(duration)"); // PT1M30S
 * String s = ReadableDuration.format(d);                              // "1m30s"
 * }</pre>
 */
public final class ReadableDuration {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private ReadableDuration() {
    }

    /**
     * Parses {@code text}; {@code where} names the annotation attribute, property or field it came
     * from, so that the error tells the user what to fix.
     *
     * @throws IllegalArgumentException naming {@code where}, the bad value and the valid forms
     */
    public static Duration parse(String text, String where) {
        if (text == null || text.isBlank()) {
            throw invalid(text, where);
        }
        String compact = text.strip().toLowerCase(java.util.Locale.ROOT);
        Matcher matcher = PART.matcher(compact);
        Duration total = Duration.ZERO;
        int position = 0;
        while (matcher.find()) {
            if (matcher.start() != position) {
                throw invalid(text, where);
            }
            try {
                total = total.plus(unitDuration(Long.parseLong(matcher.group(1)), matcher.group(2)));
            } catch (NumberFormatException | ArithmeticException tooLong) {
                throw invalid(text, where);
            }
            position = matcher.end();
        }
        if (position == 0 || position != compact.length()) {
            throw invalid(text, where);
        }
        return total;
    }

    /**
     * Formats {@code duration} in the same notation {@link #parse} reads, e.g. {@code "1m30s"}. The
     * notation has no unit below the millisecond: a part below it is dropped, and a duration shorter
     * than a millisecond (but not zero) formats as {@code "0ms"}.
     */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.toMillis() == 0) {
            return "0ms";
        }
        StringBuilder out = new StringBuilder();
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        int seconds = duration.toSecondsPart();
        int millis = duration.toMillisPart();
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (minutes > 0) {
            out.append(minutes).append('m');
        }
        if (seconds > 0) {
            out.append(seconds).append('s');
        }
        if (millis > 0) {
            out.append(millis).append("ms");
        }
        return out.toString();
    }

    private static Duration unitDuration(long amount, String unit) {
        switch (unit) {
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            default:
                return Duration.ofHours(amount);
        }
    }

    private static IllegalArgumentException invalid(String text, String where) {
        return new IllegalArgumentException(where + ": '" + text
                + "' is not a duration; write a whole number with a unit (ms, s, m, h), e.g. \"250ms\", \"30s\", \"2m\", \"1m30s\"");
    }
}
