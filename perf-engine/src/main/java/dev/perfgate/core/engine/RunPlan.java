package dev.perfgate.core.engine;

import java.time.Duration;
import java.util.List;

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

    /**
     * The lengths of the measured phase's stages, in order (the stages of the user or arrival
     * schedule); they add up to {@link #duration()}. A plan with a fixed load has one.
     */
    List<Duration> stageLengths();
}
