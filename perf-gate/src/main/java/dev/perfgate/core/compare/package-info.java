/**
 * The gate's decisions: a result against its baseline ({@code ResultComparator}), a side-by-side run on its
 * own pairs ({@code SideBySideComparator}) and a JMH benchmark against its baseline
 * ({@code BenchmarkComparator}), each giving {@code MetricComparison} rows with a {@code Verdict} and a note
 * that says why.
 * <p>
 * A metric regresses only when it moved beyond the minimum effect ({@code GateSettings}, per test and
 * operation in {@code GateRules}) and the move is significant ({@code MetricJudge},
 * {@code RepeatedMeasurements}). What the rest of the run shared is discounted first: the test's other
 * operations ({@code SharedShift}) or the build's other tests ({@code BuildShift}).
 *
 * <pre>{@code
 * List<MetricComparison> rows = new ResultComparator(GateRules.everywhere(GateSettings.DEFAULT)).compare(baseline, current);
 * System.out.println(ComparisonTable.render(rows));
 * }</pre>
 */
package dev.perfgate.core.compare;
