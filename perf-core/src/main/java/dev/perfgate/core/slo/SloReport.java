package dev.perfgate.core.slo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.ResultStatus;

/**
 * A run judged against its SLOs: each check and the grade.
 *
 * <pre>{@code
 * SloReport slo = SloReport.of(List.of(SloThreshold.parse(SloThreshold.TOTAL, SloMetric.P95, "300ms", "@Slo(p95)")), result);
 * if (!slo.breaches().isEmpty()) throw new AssertionError(slo.failureMessage(result.testId()));
 * }</pre>
 *
 * @param checks every objective with its measurement, in the order given
 * @param grade  the run's grade
 */
public record SloReport(List<SloCheck> checks, Grade grade) {

    public SloReport {
        checks = List.copyOf(checks);
    }

    /** Judges {@code result} against {@code thresholds}. */
    public static SloReport of(List<SloThreshold> thresholds, LoadTestResult result) {
        return of(thresholds, result.total(), result.operations(), result.status());
    }

    /**
     * Judges figures that are not a whole result, e.g. one step of a stress run: {@code total} for
     * {@link SloThreshold#TOTAL}, {@code operations} by name, graded as a run that ended {@code status}.
     */
    public static SloReport of(List<SloThreshold> thresholds, OperationResult total, Map<String, OperationResult> operations,
            ResultStatus status) {
        List<SloCheck> checks = new ArrayList<>();
        for (SloThreshold threshold : thresholds) {
            OperationResult operation = SloThreshold.TOTAL.equals(threshold.operation()) ? total : operations.get(threshold.operation());
            if (operation == null || operation.requests() == 0) {
                checks.add(new SloCheck(threshold, null, false));
                continue;
            }
            double measured = threshold.metric().valueOf(operation);
            boolean met = threshold.metric().isFloor() ? measured >= threshold.limit() : measured <= threshold.limit();
            checks.add(new SloCheck(threshold, measured, met));
        }
        return new SloReport(checks, Grade.of(checks, status));
    }

    /** The checks whose objective did not hold. */
    public List<SloCheck> breaches() {
        return checks.stream().filter(check -> !check.met()).collect(Collectors.toList());
    }

    /** The message a failing test shows: every breached objective with its limit and measured value. */
    public String failureMessage(String testId) {
        return "load test " + testId + " missed " + breaches().size() + " of " + checks.size() + " SLO(s) (grade " + grade + "):\n  "
                + breaches().stream().map(SloCheck::describe).collect(Collectors.joining("\n  "));
    }
}
