package dev.perfgate.core.time;

import java.util.regex.Pattern;

/**
 * Rates as people write them in annotations and properties: {@code "50/s"}, {@code "2.5/s"}.
 *
 * <pre>{@code
 * double perSecond = ReadableRate.parse("50/s", "@LoadTest(arrivalRate)");   // 50.0
 * }</pre>
 */
public final class ReadableRate {

    private static final Pattern RATE = Pattern.compile("([0-9]{1,9}(?:\\.[0-9]{1,6})?)\\s*/s");

    private ReadableRate() {
    }

    /**
     * Parses {@code text}, a non-negative number of events per second followed by {@code /s}.
     *
     * @throws IllegalArgumentException naming {@code where}, the bad value and a valid example
     */
    public static double parse(String text, String where) {
        String value = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        var matcher = RATE.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not a rate; use a number per second, e.g. \"100/s\"");
        }
        return Double.parseDouble(matcher.group(1));
    }

    /** {@code perSecond} as people write it: {@code "50/s"}, {@code "2.5/s"}. */
    public static String format(double perSecond) {
        return (perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond)) + "/s";
    }
}
