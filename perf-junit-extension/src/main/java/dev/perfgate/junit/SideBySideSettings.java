package dev.perfgate.junit;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

import dev.perfgate.core.time.ReadableDuration;

/**
 * How a load test runs side by side, from {@link SideBySide} on its method or the system property
 * {@value SideBySide#PROPERTY} (which wins); bad values fail before any container starts. A reference
 * from {@value ReferenceProperty#PROPERTY} alone runs it with the defaults.
 *
 * @param pairs     pairs of trials, over all instances
 * @param instances instances of each version the pairs are spread over
 * @param trial     each trial's measured time
 * @param seed      the seed of the order; 0 draws one
 * @param interleaved whether each pair is one trial whose users send their requests to both versions in turn
 */
record SideBySideSettings(int pairs, int instances, Duration trial, long seed, boolean interleaved) {

    static final int MAX_PAIRS = 1000;
    static final int MAX_INSTANCES = 50;

    /** The pairs that run on {@code instance} (from 0): an even share, the first instances taking one more of the rest. */
    int pairsOn(int instance) {
        return pairs / instances + (instance < pairs % instances ? 1 : 0);
    }

    /** The settings of {@code method}, or empty when it does not run side by side. */
    static Optional<SideBySideSettings> of(Method method) {
        String owner = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        Optional<SideBySide> annotation = AnnotationSupport.findAnnotation(method, SideBySide.class);
        String property = System.getProperty(SideBySide.PROPERTY);
        if (property != null && !property.isBlank()) {
            return parse(property.strip(), annotation.orElse(null));
        }
        if (annotation.isEmpty() && ReferenceProperty.isSet()) {
            return parse("on", null);
        }
        try {
            return annotation.map(a -> checked(a.pairs(), a.instances(), ReadableDuration.parse(a.trial(), "@SideBySide(trial) on "
                    + owner), a.seed(), a.interleaved(), attribute -> "@SideBySide(" + attribute + ") on " + owner));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    /** {@code pairs:12,instances:6,trial:5s,seed:42,interleaved} (each part optional, the rest from {@code annotation} or the defaults), or {@code off}. */
    static Optional<SideBySideSettings> parse(String text, SideBySide annotation) {
        String where = "system property " + SideBySide.PROPERTY;
        if (text.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        int pairs = annotation == null ? 10 : annotation.pairs();
        int instances = annotation == null ? 1 : annotation.instances();
        String trial = annotation == null ? "5s" : annotation.trial();
        long seed = annotation == null ? 0 : annotation.seed();
        boolean interleaved = annotation != null && annotation.interleaved();
        for (String part : text.split(",")) {
            String[] keyValue = part.strip().split(":", 2);
            String key = keyValue[0].strip().toLowerCase(Locale.ROOT);
            String value = keyValue.length == 2 ? keyValue[1].strip() : "";
            try {
                switch (key) {
                    case "pairs" -> pairs = Integer.parseInt(value);
                    case "instances" -> instances = Integer.parseInt(value);
                    case "trial" -> trial = value;
                    case "seed" -> seed = Long.parseLong(value);
                    case "interleaved" -> interleaved = flag(value, part.strip(), where);
                    case "on" -> { }
                    default -> throw new ExtensionConfigurationException(where + ": '" + part.strip()
                            + "' is not pairs:N, instances:N, trial:DURATION, seed:N, interleaved[:true|false], on or off; e.g. -D"
                            + SideBySide.PROPERTY + "=pairs:10,trial:5s");
                }
            } catch (NumberFormatException e) {
                throw new ExtensionConfigurationException(where + ": '" + part.strip() + "' needs a whole number, e.g. pairs:10, instances:4 or seed:42");
            }
        }
        try {
            return Optional.of(checked(pairs, instances, ReadableDuration.parse(trial, where), seed, interleaved,
                    attribute -> where + " (" + attribute + ")"));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    /** The settings, once each value is in range; {@code where} names an attribute's origin for the message. */
    private static SideBySideSettings checked(int pairs, int instances, Duration trial, long seed, boolean interleaved,
            UnaryOperator<String> where) {
        if (pairs < 1 || pairs > MAX_PAIRS) {
            throw new ExtensionConfigurationException(where.apply("pairs") + ": " + pairs + " pairs is out of range; use 1 to " + MAX_PAIRS
                    + " (7 or more to reach significance 0.05 over 4 metrics), e.g. 10");
        }
        if (instances < 1 || instances > MAX_INSTANCES) {
            throw new ExtensionConfigurationException(where.apply("instances") + ": " + instances + " instances is out of range; use 1 to " + MAX_INSTANCES
                    + ", e.g. 6 (each instance of each version is a container of its own, with its own warm-up)");
        }
        if (pairs < instances) {
            throw new ExtensionConfigurationException(where.apply("pairs") + ": " + pairs + " pairs cannot cover " + instances
                    + " instances (each needs at least one pair); use at least as many pairs, e.g. pairs = " + 2 * instances);
        }
        return new SideBySideSettings(pairs, instances, checkedTrial(trial, where.apply("trial")), seed, interleaved);
    }

    /** {@code interleaved} alone or {@code interleaved:true} is on, {@code interleaved:false} off. */
    private static boolean flag(String value, String part, String where) {
        if (value.isEmpty() || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ExtensionConfigurationException(where + ": '" + part + "' needs true or false, e.g. interleaved or interleaved:false");
    }

    private static Duration checkedTrial(Duration trial, String where) {
        if (trial.isZero() || trial.isNegative()) {
            throw new ExtensionConfigurationException(where + ": a trial must last longer than zero, e.g. \"5s\"");
        }
        return trial;
    }
}
