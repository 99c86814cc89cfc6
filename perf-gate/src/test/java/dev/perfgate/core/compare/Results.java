package dev.perfgate.core.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.perfgate.core.result.LatencySummary;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.PlanSummary;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.WindowResult;

/**
 * Results built by hand for the gate's tests: an operation of given figures, with ten windows that scatter by
 * +-1 % around them, and a test of such operations.
 *
 * <pre>{@code
 * LoadTestResult run = Results.result("Shop.browse", Results.op(10, 100, 0), Map.of("GET /a", Results.op(10, 100, 0)));
 * }</pre>
 */
public final class Results {

    private Results() {
    }

    /** An operation of 10,000 requests at {@code p95} ms, {@code throughput} per second and {@code errorRate} (0 to 1). */
    public static OperationResult op(double p95, double throughput, double errorRate) {
        return op(10_000, p95, throughput, errorRate);
    }

    /** An operation of {@code requests} requests at {@code p95} ms (p50 half of it), {@code throughput} and {@code errorRate}. */
    public static OperationResult op(long requests, double p95, double throughput, double errorRate) {
        return new OperationResult(requests, Math.round(errorRate * requests), Map.of(), errorRate, throughput,
                new LatencySummary(p95 / 2, p95 * 0.9, p95, p95, p95, p95 / 2), "", windows(10, requests, p95, throughput, errorRate));
    }

    /** {@code count} windows whose figures scatter by +-1 % around the given ones. */
    public static List<WindowResult> windows(int count, long requests, double p95, double throughput, double errorRate) {
        List<WindowResult> windows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double jitter = 1 + 0.01 * (i - (count - 1) / 2.0) / ((count - 1) / 2.0);
            long windowRequests = requests / count;
            windows.add(new WindowResult(windowRequests, Math.round(errorRate * windowRequests), throughput * jitter,
                    p95 / 2 * jitter, p95 * jitter, p95 * jitter));
        }
        return windows;
    }

    /** A passed closed-model test of {@code operations} whose total is {@code total}. */
    public static LoadTestResult result(String testId, OperationResult total, Map<String, OperationResult> operations) {
        return new LoadTestResult(LoadTestResult.SCHEMA_VERSION, testId, ResultStatus.PASSED, null, "2024-06-01T10:15:30Z",
                new PlanSummary("closed", 1, "0s", "1s", "1s", "0s"), null, total, operations);
    }
}
