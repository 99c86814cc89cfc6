package dev.perfgate.core.engine;

/**
 * Told when a run of {@link LoadEngine} starts, with a {@link LiveRun} to read its figures while it
 * goes on, e.g. for a progress line or to align other samples with the measured phase.
 *
 * <pre>{@code
 * new LoadEngine().run(plan, target, scenario, live -> progress.watch(live));
 * }</pre>
 */
@FunctionalInterface
public interface RunListener {

    /** A listener that does nothing. */
    RunListener NONE = run -> {
    };

    /**
     * Called once, on the thread that called {@link LoadEngine#run}, when the phases are fixed and just
     * before the first iteration may start. Return at once: the load waits for it. Keep {@code run} to
     * read its figures from any thread until the run ends; an exception thrown here is ignored.
     */
    void started(LiveRun run);
}
