package dev.perfgate.core.result;

import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.time.ReadableDuration;

/**
 * The load a result was measured under, in the notation users write.
 *
 * @param model          {@code "closed"}: a fixed number of users, each sending its next request after the last
 * @param users          concurrent virtual users
 * @param warmUp         unmeasured warm-up, e.g. {@code "2s"}
 * @param duration       measured phase, e.g. {@code "10s"}
 * @param requestTimeout per-request timeout
 * @param thinkTime      pause of each user after each iteration
 */
public record PlanSummary(String model, int users, String warmUp, String duration, String requestTimeout, String thinkTime) {

    /** The summary of {@code plan}. */
    public static PlanSummary of(LoadPlan plan) {
        return new PlanSummary("closed", plan.users(), ReadableDuration.format(plan.warmUp()),
                ReadableDuration.format(plan.duration()), ReadableDuration.format(plan.requestTimeout()),
                ReadableDuration.format(plan.thinkTime()));
    }
}
