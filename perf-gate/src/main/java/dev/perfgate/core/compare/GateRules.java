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

    /**
     * The settings that judge {@code metric} of {@code operation}: those of the operation unless a metric
     * has its own, as a tolerance calibrated from the metric's measured spread does.
     */
    default GateSettings settingsFor(String testId, String operation, Metric metric) {
        return settingsFor(testId, operation);
    }

    /**
     * Whether {@code metric}'s tolerance was sized from the project's own unchanged runs: their spread already
     * holds what whole runs share, so such a metric is judged on its own figures, not against the run's other
     * operations. None by default.
     */
    default boolean sizedFromNoise(String testId, String operation, Metric metric) {
        return false;
    }

    /** The same settings everywhere. */
    static GateRules everywhere(GateSettings settings) {
        return (testId, operation) -> settings;
    }
}
