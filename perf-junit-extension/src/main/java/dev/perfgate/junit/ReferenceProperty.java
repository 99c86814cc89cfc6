package dev.perfgate.junit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The system property {@value #PROPERTY}: a reference version for every application of the run, built
 * from a git ref ({@code -Dperfgate.reference=git:origin/main}), or from the commit the baselines were
 * recorded at ({@code -Dperfgate.reference=git}), as {@link AppUnderTest#withReferenceFromGit} declares one. It replaces a reference the application declares, and turns {@link SideBySide} on for
 * every load test (with its defaults, unless the method or {@value SideBySide#PROPERTY} says more).
 */
final class ReferenceProperty {

    static final String PROPERTY = "perfgate.reference";

    // The @App field is read several times a test; one reference per declared application and value keeps
    // its ref resolved (and the baselines read) once, as a reference declared in the code is.
    private static final Map<List<Object>, AppUnderTest> APPLIED = new ConcurrentHashMap<>();

    private ReferenceProperty() {
    }

    /** Whether the property asks for a reference. */
    static boolean isSet() {
        String value = System.getProperty(PROPERTY);
        return value != null && !value.isBlank();
    }

    /** {@code app} with the property's reference, or {@code app} when the property is not set; {@code where} names the field. */
    static AppUnderTest applyTo(AppUnderTest app, String where) {
        if (!isSet()) {
            return app;
        }
        String value = System.getProperty(PROPERTY).strip();
        AppUnderTest applied = APPLIED.get(List.of(app, value));
        if (applied != null) {
            return applied;
        }
        if (!value.equals("git") && (!value.startsWith("git:") || value.length() == "git:".length())) {
            throw new ExtensionConfigurationException("system property " + PROPERTY + ": '" + value + "' is not git:<ref> or git; e.g. -D"
                    + PROPERTY + "=git:origin/main (a branch, tag or commit of the project), or -D" + PROPERTY
                    + "=git for the commit the baselines were recorded at");
        }
        try {
            applied = value.equals("git") ? app.withReferenceFromGit() : app.withReferenceFromGit(value.substring("git:".length()));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("system property " + PROPERTY + " on " + where + ": " + e.getMessage(), e);
        }
        APPLIED.put(List.of(app, value), applied);
        return applied;
    }
}
