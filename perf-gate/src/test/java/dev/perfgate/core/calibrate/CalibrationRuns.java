package dev.perfgate.core.calibrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.perfgate.core.result.LatencySummary;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.PlanSummary;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.WindowResult;

/** Results of unchanged runs for the calibration tests: one test, chosen medians, p95 at twice the median. */
final class CalibrationRuns {

    static final String TEST = "ShopLoadIT.browse";

    private CalibrationRuns() {
    }

    /** An operation of {@code requests} requests whose median is {@code p50} ms, steady over its 10 windows. */
    static OperationResult op(long requests, double p50) {
        List<WindowResult> windows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double jitter = 1 + 0.01 * (i - 4.5) / 4.5;
            windows.add(new WindowResult(requests / 10, 0, 100 * jitter, p50 * jitter, 2 * p50 * jitter, 3 * p50 * jitter));
        }
        return new OperationResult(requests, 0, Map.of(), 0, 100, new LatencySummary(p50, 1.8 * p50, 2 * p50, 3 * p50, 5 * p50, p50),
                "", windows);
    }

    /** A run of {@link #TEST} with operations {@code list} and {@code detail} at these medians, under {@code users} users. */
    static LoadTestResult run(int index, int users, long requests, double listP50, double detailP50) {
        Map<String, OperationResult> operations = new LinkedHashMap<>();
        operations.put("list", op(requests, listP50));
        operations.put("detail", op(requests, detailP50));
        return new LoadTestResult(LoadTestResult.SCHEMA_VERSION, TEST, ResultStatus.PASSED, null,
                "2026-12-05T10:" + String.format("%02d", index) + ":00Z",
                new PlanSummary("closed", users, "5s", "30s", "5s", "0s"), null,
                op(2 * requests, (listP50 + detailP50) / 2), operations);
    }
}
