package dev.perfgate.core.compare;

/** What the comparison of one metric with its baseline decided. */
public enum Verdict {
    /** Worse than the baseline beyond the tolerance: fails the build. */
    REGRESSED,
    /** Better than the baseline beyond the tolerance: worth a new baseline. */
    IMPROVED,
    /** Within the tolerance of the baseline. */
    UNCHANGED,
    /**
     * The data cannot decide, e.g. a percentile resting on too few requests beyond it
     * ({@link GateSettings#minTailSamples()}); not gated.
     */
    INCONCLUSIVE,
    /** The test or operation has no baseline yet. */
    NEW,
    /** The baseline has a test or operation that this run did not produce. */
    MISSING
}
