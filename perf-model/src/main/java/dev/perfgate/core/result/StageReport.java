package dev.perfgate.core.result;

import java.util.List;

/**
 * What a staged run found, by kind: {@code "stages"} (a schedule of several stages: their figures
 * only), {@code "spike"} (the recovery time), {@code "stress"} (the breaking point) or {@code "soak"}
 * (the latency drift). Fields of other kinds are {@code null}. See {@code docs/decisions.md}
 * (Stages) for the definitions.
 *
 * @param kind              {@code "stages"}, {@code "spike"}, {@code "stress"} or {@code "soak"}
 * @param steps             each stage's figures, in order
 * @param verdict           one line for people, e.g. {@code "recovered 3 s after the spike"}
 * @param baselineP95Ms     spike: p95 of the stage before the spike, ms
 * @param tolerance         spike: how far above the baseline p95 a second may be and count as recovered, e.g. 0.2
 * @param recoverySeconds   spike: seconds from the spike's end to the first of {@value #RECOVERY_SECONDS} seconds in a
 *                          row whose p95 is within tolerance; {@code null} when that did not happen before the run ended
 * @param breakingPoint     stress: the load of the highest step that held, e.g. {@code "3 users"}; {@code null} when
 *                          the first step broke already
 * @param brokenStep        stress: the index of the first step that missed an SLO; {@code null} when every step held
 * @param brokenBy          stress: the SLOs that step missed
 * @param driftMsPerMinute  soak: the Theil-Sen slope of the p95 over time, ms per minute
 * @param driftPercent      soak: that slope over the measured phase, in percent of the fitted p95 at its start
 */
public record StageReport(String kind, List<StepResult> steps, String verdict, Double baselineP95Ms, Double tolerance,
        Double recoverySeconds, String breakingPoint, Integer brokenStep, List<String> brokenBy, Double driftMsPerMinute,
        Double driftPercent) {

    /** Seconds in a row that must be back within tolerance for a spike run to count as recovered. */
    public static final int RECOVERY_SECONDS = 3;

    public StageReport {
        steps = steps == null ? List.of() : List.copyOf(steps);
        brokenBy = brokenBy == null ? List.of() : List.copyOf(brokenBy);
    }

    /** The report of a plain staged run: the stages' figures. */
    public static StageReport stages(List<StepResult> steps) {
        return new StageReport("stages", steps, steps.size() + " stages", null, null, null, null, null, null, null, null);
    }
}
