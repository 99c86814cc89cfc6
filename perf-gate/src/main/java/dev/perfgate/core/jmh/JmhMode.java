package dev.perfgate.core.jmh;

import java.util.Arrays;
import java.util.Optional;

/** A JMH benchmark mode as its JSON results name it, and which direction of the score is better. */
public enum JmhMode {
    /** Operations per unit of time: higher is better. */
    THROUGHPUT("thrpt", false),
    /** Average time per operation: lower is better. */
    AVERAGE_TIME("avgt", true),
    /** Sampled time per operation: lower is better. */
    SAMPLE_TIME("sample", true),
    /** Time of one cold operation: lower is better. */
    SINGLE_SHOT_TIME("ss", true);

    private final String shortName;
    private final boolean higherIsWorse;

    JmhMode(String shortName, boolean higherIsWorse) {
        this.shortName = shortName;
        this.higherIsWorse = higherIsWorse;
    }

    /** The name in JMH's JSON and console output, e.g. {@code "avgt"}. */
    public String shortName() {
        return shortName;
    }

    /** Whether a larger score is worse: time per operation rather than operations per time. */
    public boolean higherIsWorse() {
        return higherIsWorse;
    }

    /** The mode JMH writes as {@code shortName}, e.g. {@code "thrpt"}. */
    public static Optional<JmhMode> of(String shortName) {
        return Arrays.stream(values()).filter(mode -> mode.shortName.equals(shortName)).findFirst();
    }
}
