package dev.perfgate.junit;

import java.util.Locale;

import dev.perfgate.core.engine.Segment;

/**
 * How many load generators a {@link LoadTest} is spread over, and what starts them: one runs the load
 * in the test's JVM; more start worker processes on this machine, each running one part of the plan
 * ({@link Segment}), whose results are merged.
 *
 * @param workers the load generators, 1 to {@value Segment#MAX_COUNT}
 */
record Distribution(int workers) {

    /** The load in the test's own JVM. */
    static final Distribution NONE = new Distribution(1);

    /** What starts the workers when several are asked for. */
    static final String LOCAL = "local";

    /** Whether the run is spread over several generators. */
    boolean isDistributed() {
        return workers > 1;
    }

    /**
     * The workers {@code annotation} and the {@value LoadTest#WORKERS_PROPERTY} and
     * {@value LoadTest#ORCHESTRATOR_PROPERTY} properties ask for; none inside a worker, which runs its part.
     *
     * @throws IllegalArgumentException naming the attribute or property and a valid value
     */
    static Distribution of(LoadTest annotation, String owner) {
        if (PartRun.inWorker()) {
            return NONE;
        }
        String override = System.getProperty(LoadTest.WORKERS_PROPERTY);
        String where = override != null ? "system property " + LoadTest.WORKERS_PROPERTY : "@LoadTest(workers) on " + owner;
        int workers;
        try {
            workers = override != null ? Integer.parseInt(override.strip()) : annotation.workers();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + override + "' is not a whole number of workers, e.g. -D"
                    + LoadTest.WORKERS_PROPERTY + "=4");
        }
        if (workers < 0 || workers > Segment.MAX_COUNT) {
            throw new IllegalArgumentException(where + ": " + workers + " is out of range; use 1 to " + Segment.MAX_COUNT
                    + ", e.g. 4 (0 or 1: the test's own JVM)");
        }
        String orchestrator = System.getProperty(LoadTest.ORCHESTRATOR_PROPERTY, LOCAL).strip().toLowerCase(Locale.ROOT);
        if (!orchestrator.equals(LOCAL)) {
            throw new IllegalArgumentException("system property " + LoadTest.ORCHESTRATOR_PROPERTY + ": '" + orchestrator
                    + "' is not an orchestrator this version can use; give 'local' (worker processes on this machine)");
        }
        return new Distribution(Math.max(1, workers));
    }
}
