package dev.perfgate.core.compare;

/**
 * One row of a comparison: a metric of an operation of a test, its baseline and current value.
 *
 * @param testId    the test
 * @param operation the operation, or {@link ResultComparator#TOTAL} for all operations together
 * @param metric    the metric; {@code null} on a row that speaks for a whole test (NEW or MISSING)
 * @param baseline  the baseline value, or {@code null} when there is none
 * @param current   the current value, or {@code null} when there is none
 * @param verdict   the decision
 * @param note      the evidence or the reason for the verdict, e.g. {@code "p=0.003"}; empty when none
 */
public record MetricComparison(String testId, String operation, GatedMetric metric, Double baseline, Double current, Verdict verdict,
        String note) {

    public MetricComparison {
        note = note == null ? "" : note;
    }

    /** A row without a note. */
    public MetricComparison(String testId, String operation, GatedMetric metric, Double baseline, Double current, Verdict verdict) {
        this(testId, operation, metric, baseline, current, verdict, "");
    }

    /**
     * This row with {@code remark} added to its note, e.g. {@code "other environment: cores 4 -> 16"}:
     * something the reader must know to trust the verdict.
     */
    public MetricComparison withRemark(String remark) {
        return new MetricComparison(testId, operation, metric, baseline, current, verdict, note.isEmpty() ? remark : note + "; " + remark);
    }

    /** Whether this row speaks for its whole test (NEW, MISSING, the percentiles not gated) rather than for one metric. */
    public boolean wholeTest() {
        return metric == null && ResultComparator.TOTAL.equals(operation);
    }

    /** The change as text, e.g. {@code "+12.5 %"}, or empty when one side is missing. */
    public String change() {
        return metric == null || baseline == null || current == null ? "" : metric.formatChange(baseline, current);
    }

    /** One sentence for a build log, e.g. {@code "GreetingIT.greet GET /api: p95 latency 1.2 ms -> 9.8 ms (+716.7 %)"}. */
    public String describe() {
        String subject = testId + " " + operation;
        if (metric == null) {
            return subject + ": " + verdict + (note.isEmpty() ? "" : " (" + note + ")");
        }
        return subject + ": " + metric.label() + " " + format(baseline) + " -> " + format(current)
                + (change().isEmpty() ? "" : " (" + change() + (note.isEmpty() ? "" : ", " + note) + ")");
    }

    /** {@code value} (the baseline's or the current one) with its metric's unit, or {@code "-"} when there is none. */
    public String format(Double value) {
        return value == null || metric == null ? "-" : metric.format(value);
    }

    /** The metric's label, or {@code "-"} on a row that speaks for a whole test. */
    public String metricLabel() {
        return metric == null ? "-" : metric.label();
    }
}
