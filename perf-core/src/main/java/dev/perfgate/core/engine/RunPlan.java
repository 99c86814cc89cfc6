package dev.perfgate.core.engine;

import java.time.Duration;

/**
 * What a run does: a closed model ({@link LoadPlan}: a fixed number of users, each starting its next
 * iteration when the last ended) or an open model ({@link OpenLoadPlan}: iterations start on a
 * schedule, whether or not earlier ones have ended). Both warm up unmeasured first, then measure.
 */
public sealed interface RunPlan permits LoadPlan, OpenLoadPlan {

    /** Time before measuring starts; zero for none. */
    Duration warmUp();

    /** Measured time, more than zero. */
    Duration duration();

    /** Longest a single request may take before it counts as a timeout error. */
    Duration requestTimeout();
}
