package dev.perfgate.core.compare;

/**
 * The gate settings for each test and operation: one default, overridden where a test or an
 * operation is noisier or stricter than the rest.
 *
 * <pre>{@code
 * GateRules rules = (testId, operation) -> testId.startsWith("Search") ? GateSettings.DEFAULT.withTolerancePercent(25)
 *                                                                       : GateSettings.DEFAULT;
 * }</pre>
 */
@FunctionalInterface
public interface GateRules {

    /** The settings for {@code operation} ({@link ResultComparator#TOTAL} for the total) of {@code testId}. */
    GateSettings settingsFor(String testId, String operation);

    /** The same settings everywhere. */
    static GateRules everywhere(GateSettings settings) {
        return (testId, operation) -> settings;
    }
}
