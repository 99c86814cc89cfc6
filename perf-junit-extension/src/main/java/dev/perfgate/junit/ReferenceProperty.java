package dev.perfgate.junit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The system property {@value #PROPERTY}: a reference version for every application of the run, built
 * from a git ref ({@code -Dperfgate.reference=git:origin/main}), or from the commit the baselines were
 * recorded at ({@code -Dperfgate.reference=git}), as {@link AppUnderTest#withReferenceFromGit} declares one. It replaces a reference the application declares, and turns {@link SideBySide} on for
 * every load test (with its defaults, unless the method or {@value SideBySide#PROPERTY} says more).
 */
final class ReferenceProperty {

    static final String PROPERTY = "perfgate.reference";

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
        if (!value.equals("git") && (!value.startsWith("git:") || value.length() == "git:".length())) {
            throw new ExtensionConfigurationException("system property " + PROPERTY + ": '" + value + "' is not git:<ref> or git; e.g. -D"
                    + PROPERTY + "=git:origin/main (a branch, tag or commit of the project), or -D" + PROPERTY
                    + "=git for the commit the baselines were recorded at");
        }
        try {
            return value.equals("git") ? app.withReferenceFromGit() : app.withReferenceFromGit(value.substring("git:".length()));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("system property " + PROPERTY + " on " + where + ": " + e.getMessage(), e);
        }
    }
}
