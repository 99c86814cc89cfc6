package dev.perfgate.junit;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

import dev.perfgate.core.time.ReadableDuration;

/**
 * How a load test runs side by side, from {@link SideBySide} on its method or the system property
 * {@value SideBySide#PROPERTY} (which wins); bad values fail before any container starts.
 *
 * @param pairs pairs of trials
 * @param trial each trial's measured time
 * @param seed  the seed of the order; 0 draws one
 */
record SideBySideSettings(int pairs, Duration trial, long seed) {

    static final int MAX_PAIRS = 1000;

    /** The settings of {@code method}, or empty when it does not run side by side. */
    static Optional<SideBySideSettings> of(Method method) {
        String owner = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        Optional<SideBySide> annotation = AnnotationSupport.findAnnotation(method, SideBySide.class);
        String property = System.getProperty(SideBySide.PROPERTY);
        if (property != null && !property.isBlank()) {
            return parse(property.strip(), annotation.orElse(null));
        }
        try {
            return annotation.map(a -> new SideBySideSettings(checkedPairs(a.pairs(), "@SideBySide(pairs) on " + owner),
                    checkedTrial(ReadableDuration.parse(a.trial(), "@SideBySide(trial) on " + owner), "@SideBySide(trial) on " + owner),
                    a.seed()));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    /** {@code pairs:10,trial:5s,seed:42} (each part optional, the rest from {@code annotation} or the defaults), or {@code off}. */
    static Optional<SideBySideSettings> parse(String text, SideBySide annotation) {
        String where = "system property " + SideBySide.PROPERTY;
        if (text.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        int pairs = annotation == null ? 10 : annotation.pairs();
        String trial = annotation == null ? "5s" : annotation.trial();
        long seed = annotation == null ? 0 : annotation.seed();
        for (String part : text.split(",")) {
            String[] keyValue = part.strip().split(":", 2);
            String key = keyValue[0].strip().toLowerCase(Locale.ROOT);
            String value = keyValue.length == 2 ? keyValue[1].strip() : "";
            try {
                switch (key) {
                    case "pairs" -> pairs = Integer.parseInt(value);
                    case "trial" -> trial = value;
                    case "seed" -> seed = Long.parseLong(value);
                    case "on" -> { }
                    default -> throw new ExtensionConfigurationException(where + ": '" + part.strip()
                            + "' is not pairs:N, trial:DURATION, seed:N, on or off; e.g. -D" + SideBySide.PROPERTY + "=pairs:10,trial:5s");
                }
            } catch (NumberFormatException e) {
                throw new ExtensionConfigurationException(where + ": '" + part.strip() + "' needs a whole number, e.g. pairs:10 or seed:42");
            }
        }
        try {
            return Optional.of(new SideBySideSettings(checkedPairs(pairs, where), checkedTrial(ReadableDuration.parse(trial, where), where),
                    seed));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    private static int checkedPairs(int pairs, String where) {
        if (pairs < 1 || pairs > MAX_PAIRS) {
            throw new ExtensionConfigurationException(where + ": " + pairs + " pairs is out of range; use 1 to " + MAX_PAIRS
                    + " (7 or more to reach significance 0.05 over 4 metrics), e.g. 10");
        }
        return pairs;
    }

    private static Duration checkedTrial(Duration trial, String where) {
        if (trial.isZero() || trial.isNegative()) {
            throw new ExtensionConfigurationException(where + ": a trial must last longer than zero, e.g. \"5s\"");
        }
        return trial;
    }
}
