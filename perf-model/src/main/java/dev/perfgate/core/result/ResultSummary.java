package dev.perfgate.core.result;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One line that says what a result measured, for logs, e.g.
 * {@code "GreetingIT.greet PASSED: 8 users, 10s (warm-up 2s): 41230 requests, 0 errors, 4123.0/s;
 * latency p50 1.21 ms, p95 2.80 ms, p99 4.10 ms, max 19.30 ms"}. An open-model result names its
 * arrival rate instead of users, and the arrivals it dropped, if any; a staged run ends with what its
 * stages found, e.g. {@code "; spike: recovered 3 s after the spike (p95 within 20 % of the baseline 51.20 ms)"}.
 * A side-by-side result says how many pairs of trials it ran and that its figures are the candidate's over
 * all of them, e.g. {@code "1 user, 40 pairs of 1s trials (warm-up 25s with 4 users): candidate (B) 29456
 * requests, ..."}: its plan's duration is one trial's.
 */
public final class ResultSummary {

    private ResultSummary() {
    }

    /** The summary line of {@code result}. */
    public static String of(LoadTestResult result) {
        OperationResult total = result.total();
        LatencySummary latency = total.latencyMs();
        return String.format(Locale.ROOT,
                "%s %s: %s, %s (warm-up %s): %s%d requests, %d errors, %.1f/s%s; latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms",
                result.testId(), result.status(), load(result.plan()), measured(result), result.plan().warmUp(),
                result.sideBySide() == null ? "" : "candidate (B) ", total.requests(), total.errors(), total.throughputPerSecond(), dropped(result.iterations()),
                latency.p50(), latency.p95(), latency.p99(), latency.max()) + stages(result.stages());
    }

    private static String measured(LoadTestResult result) {
        SideBySideResult trials = result.sideBySide();
        return trials == null ? result.plan().duration() : trials.pairs() + " pairs of " + trials.trial() + " trials";
    }

    private static String stages(StageReport report) {
        return report == null || "stages".equals(report.kind()) ? "" : "; " + report.kind() + ": " + report.verdict();
    }

    private static String load(PlanSummary plan) {
        if (plan.open()) {
            String rates = plan.arrivals().stream()
                    .map(stage -> stage.fromPerSecond() == stage.toPerSecond()
                            ? rate(stage.fromPerSecond())
                            : rate(stage.fromPerSecond()) + " to " + rate(stage.toPerSecond()))
                    .collect(Collectors.joining(", then "));
            return "open " + rates + " (at most " + plan.maxInFlight() + " in flight)";
        }
        String users = plan.userStages().isEmpty() ? plan.users() + (plan.users() == 1 ? " user" : " users")
                : "users " + plan.userStages().stream()
                        .map(stage -> stage.fromUsers() == stage.toUsers() ? stage.fromUsers() + " for " + stage.duration()
                                : stage.fromUsers() + "->" + stage.toUsers() + " over " + stage.duration())
                        .collect(Collectors.joining(", "));
        return users + ("0s".equals(plan.thinkTime()) ? "" : " thinking " + plan.thinkTime())
                + (plan.iterationsPerUser() == 0 ? "" : " for " + plan.iterationsPerUser() + " iterations each");
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond == Math.rint(perSecond) ? "%.0f/s" : "%.2f/s", perSecond);
    }

    private static String dropped(IterationResult iterations) {
        return iterations == null || iterations.dropped() == 0 ? ""
                : ", " + iterations.dropped() + " of " + iterations.scheduled() + " arrivals dropped at the in-flight cap";
    }
}
