package dev.perfgate.core.check;

import dev.perfgate.core.compare.GateRules;
import dev.perfgate.core.compare.GateSettings;

/**
 * How a {@link Check} judges and when it fails the build. Start from {@link #of} (the defaults of
 * {@code mvn verify}) and change what the build configures.
 *
 * <pre>{@code
 * CheckSettings settings = CheckSettings.of(GateRules.everywhere(GateSettings.DEFAULT), GateSettings.DEFAULT)
 *         .failingOnMissingBaseline(true);
 * }</pre>
 *
 * @param rules                       the tolerance and floor of each metric
 * @param gate                        the settings the header states (tolerance, floor, significance, ...)
 * @param discountSharedShift         whether a change is judged beyond what the rest of the run shared
 * @param sharedShiftTolerancePercent the least tolerance where nothing compares (the total, tests of one or two operations)
 * @param failOnRegression            whether a regression fails the build (else a warning)
 * @param failOnMissingBaseline       whether a result without a comparable baseline fails it
 * @param failOnMissingResult         whether a baseline whose test produced no result fails it
 * @param gates                       whether this check may fail the build at all; {@code false} only reports
 * @param commands                    the commands the messages name to record baselines
 */
public record CheckSettings(GateRules rules, GateSettings gate, boolean discountSharedShift, double sharedShiftTolerancePercent,
        boolean failOnRegression, boolean failOnMissingBaseline, boolean failOnMissingResult, boolean gates,
        BaselineCommands commands) {

    /** The least tolerance where a test has nothing to compare with, unless configured: {@value} %. */
    public static final double DEFAULT_SHARED_SHIFT_TOLERANCE_PERCENT = 30;

    /** Judged beyond the shared shift, failing on a regression only, naming Maven's commands. */
    public static CheckSettings of(GateRules rules, GateSettings gate) {
        return new CheckSettings(rules, gate, true, DEFAULT_SHARED_SHIFT_TOLERANCE_PERCENT, true, false, false, true,
                BaselineCommands.MAVEN);
    }

    /** Judged beyond the shared shift ({@code true}, at least {@code tolerancePercent} where nothing compares) or alone. */
    public CheckSettings discountingSharedShift(boolean discount, double tolerancePercent) {
        return new CheckSettings(rules, gate, discount, tolerancePercent, failOnRegression, failOnMissingBaseline, failOnMissingResult,
                gates, commands);
    }

    /** Whether a regression fails the build. */
    public CheckSettings failingOnRegression(boolean fail) {
        return new CheckSettings(rules, gate, discountSharedShift, sharedShiftTolerancePercent, fail, failOnMissingBaseline,
                failOnMissingResult, gates, commands);
    }

    /** Whether a result without a comparable baseline fails the build. */
    public CheckSettings failingOnMissingBaseline(boolean fail) {
        return new CheckSettings(rules, gate, discountSharedShift, sharedShiftTolerancePercent, failOnRegression, fail,
                failOnMissingResult, gates, commands);
    }

    /** Whether a baseline whose test produced no result fails the build. */
    public CheckSettings failingOnMissingResult(boolean fail) {
        return new CheckSettings(rules, gate, discountSharedShift, sharedShiftTolerancePercent, failOnRegression,
                failOnMissingBaseline, fail, gates, commands);
    }

    /** The same comparison, never failing the build: for a report. */
    public CheckSettings reportingOnly() {
        return new CheckSettings(rules, gate, discountSharedShift, sharedShiftTolerancePercent, failOnRegression,
                failOnMissingBaseline, failOnMissingResult, false, commands);
    }

    /** Messages that name {@code recordWith}'s commands. */
    public CheckSettings recordingWith(BaselineCommands recordWith) {
        return new CheckSettings(rules, gate, discountSharedShift, sharedShiftTolerancePercent, failOnRegression,
                failOnMissingBaseline, failOnMissingResult, gates, recordWith);
    }

    /** The settings the header states, e.g. "tolerance 10 %, ...; changes beyond what the rest of the run shared, ...". */
    public String describe() {
        return gate.describe() + (discountSharedShift ? "; changes beyond what the rest of the run shared, at least "
                + GateSettings.plain(sharedShiftTolerancePercent) + " % where there is nothing to compare with" : "");
    }
}
