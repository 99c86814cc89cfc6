package dev.perfgate.core.result;

import java.util.Locale;

/**
 * One line that says what a result measured, for logs, e.g.
 * {@code "GreetingIT.greet PASSED: 8 users, 10s (warm-up 2s): 41230 requests, 0 errors, 4123.0/s;
 * latency p50 1.21 ms, p95 2.80 ms, p99 4.10 ms, max 19.30 ms"}.
 */
public final class ResultSummary {

    private ResultSummary() {
    }

    /** The summary line of {@code result}. */
    public static String of(LoadTestResult result) {
        OperationResult total = result.total();
        LatencySummary latency = total.latencyMs();
        return String.format(Locale.ROOT,
                "%s %s: %d users%s, %s (warm-up %s): %d requests, %d errors, %.1f/s; latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms",
                result.testId(), result.status(), result.plan().users(),
                "0s".equals(result.plan().thinkTime()) ? "" : " thinking " + result.plan().thinkTime(), result.plan().duration(), result.plan().warmUp(),
                total.requests(), total.errors(), total.throughputPerSecond(),
                latency.p50(), latency.p95(), latency.p99(), latency.max());
    }
}
