package dev.perfgate.core.slo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A run judged against its SLOs: each check and the grade. {@code SloJudge} in the result model makes it from a
 * result's figures.
 *
 * <pre>{@code
 * SloReport slo = SloJudge.judge(List.of(SloThreshold.parse(SloThreshold.TOTAL, SloMetric.P95, "300ms", "@Slo(p95)")), result);
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
