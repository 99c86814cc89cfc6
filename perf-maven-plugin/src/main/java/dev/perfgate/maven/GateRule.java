package dev.perfgate.maven;

/**
 * One {@code <rule>} of the {@code check} goal: settings for the tests (and, optionally, operations)
 * it names, overriding the goal's own. Unset fields keep the goal's values; the last matching rule
 * wins.
 *
 * <pre>{@code
 * <rules>
 *   <rule>
 *     <tests>SearchLoadIT.*</tests>
 *     <operations>GET /search</operations>
 *     <tolerancePercent>25</tolerancePercent>
 *   </rule>
 *   <rule>
 *     <tests>CheckoutLoadIT.*</tests>
 *     <metrics>p99,errorRate</metrics>
 *   </rule>
 * </rules>
 * }</pre>
 */
public class GateRule {

    /** Comma-separated test id patterns, {@code *} for any text; required. */
    private String tests;

    /** Comma-separated operation name patterns ({@code (total)} for the total); default every operation. */
    private String operations;

    /** Overrides {@code tolerancePercent}. */
    private Double tolerancePercent;

    /** Overrides {@code latencyFloorMillis}. */
    private Double latencyFloorMillis;

    /** Overrides {@code errorRateTolerancePoints}. */
    private Double errorRateTolerancePoints;

    /** Overrides {@code minTailSamples}. */
    private Integer minTailSamples;

    /** Overrides {@code significance}. */
    private Double significance;

    /** Overrides {@code metrics}: the comma-separated metrics compared, e.g. {@code p99,errorRate}. */
    private String metrics;

    String tests() {
        return tests;
    }

    String operations() {
        return operations;
    }

    Double tolerancePercent() {
        return tolerancePercent;
    }

    Double latencyFloorMillis() {
        return latencyFloorMillis;
    }

    Double errorRateTolerancePoints() {
        return errorRateTolerancePoints;
    }

    Integer minTailSamples() {
        return minTailSamples;
    }

    Double significance() {
        return significance;
    }

    String metrics() {
        return metrics;
    }
}
