package dev.perfgate.core.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.perfgate.core.slo.Grade;
import dev.perfgate.core.slo.SloCheck;
import dev.perfgate.core.slo.SloMetric;
import dev.perfgate.core.slo.SloReport;
import dev.perfgate.core.slo.SloThreshold;

/**
 * Judges a result's figures against service-level objectives. The objectives and their report are plain
 * records of their own package, which the result file holds; reading the figures is the result model's part.
 *
 * <pre>{@code
 * SloReport slo = SloJudge.judge(List.of(SloThreshold.parse(SloThreshold.TOTAL, SloMetric.P95, "300ms", "@Slo(p95)")), result);
 * if (!slo.breaches().isEmpty()) throw new AssertionError(slo.failureMessage(result.testId()));
 * }</pre>
 */
public final class SloJudge {

    private SloJudge() {
    }

    /** Judges {@code result} against {@code thresholds}. */
    public static SloReport judge(List<SloThreshold> thresholds, LoadTestResult result) {
        return judge(thresholds, result.total(), result.operations(), result.status());
    }

    /**
     * Judges figures that are not a whole result, e.g. one step of a stress run: {@code total} for
     * {@link SloThreshold#TOTAL}, {@code operations} by name, graded as a run that ended {@code status}.
     */
    public static SloReport judge(List<SloThreshold> thresholds, OperationResult total, Map<String, OperationResult> operations,
            ResultStatus status) {
        List<SloCheck> checks = new ArrayList<>();
        for (SloThreshold threshold : thresholds) {
            OperationResult operation = SloThreshold.TOTAL.equals(threshold.operation()) ? total : operations.get(threshold.operation());
            if (operation == null || operation.requests() == 0) {
                checks.add(new SloCheck(threshold, null, false));
                continue;
            }
            double measured = valueOf(threshold.metric(), operation);
            boolean met = threshold.metric().isFloor() ? measured >= threshold.limit() : measured <= threshold.limit();
            checks.add(new SloCheck(threshold, measured, met));
        }
        return new SloReport(checks, Grade.of(checks, status == ResultStatus.PASSED));
    }

    private static double valueOf(SloMetric metric, OperationResult operation) {
        return switch (metric) {
            case P50 -> operation.latencyMs().p50();
            case P90 -> operation.latencyMs().p90();
            case P95 -> operation.latencyMs().p95();
            case P99 -> operation.latencyMs().p99();
            case MAX -> operation.latencyMs().max();
            case ERROR_RATE -> operation.errorRate();
            case THROUGHPUT -> operation.throughputPerSecond();
        };
    }
}
