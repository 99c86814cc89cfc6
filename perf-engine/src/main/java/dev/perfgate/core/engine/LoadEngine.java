package dev.perfgate.core.engine;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.perfgate.core.http.LoopbackTarget;

/**
 * Runs a {@link RunPlan}. In the closed model ({@link LoadPlan}) every virtual user repeats its
 * {@link Scenario} back to back until the measured phase ends. In the open model ({@link OpenLoadPlan})
 * iterations start on the plan's arrival schedule, each on a worker of a bounded pool, and are timed
 * from when they were due. Each user or worker records into its own statistics, merged at the end, so
 * the hot path takes no lock.
 *
 * <p>Every run is bounded: no iteration starts after the measured phase (in the open model: none that
 * was not due within it), requests time out, and users still busy at
 * {@code end + requestTimeout + }{@value #STOP_GRACE_SECONDS}{@code s} are interrupted and the run is
 * reported as aborted.
 *
 * <pre>{@code
 * RunMeasurements m = new LoadEngine().run(plan, URI.create("http://localhost:8080"),
 *         user -> user.http().get("/health"));
 * }</pre>
 */
public final class LoadEngine {

    /** Extra time, after the last request may have timed out, before busy users are interrupted. */
    public static final int STOP_GRACE_SECONDS = 5;

    /** Bound on iterations per user, so that a scenario that does nothing still ends by count. */
    public static final long MAX_ITERATIONS_PER_USER = 50_000_000L;

    /** The operation under which exceptions thrown by a scenario are counted. */
    public static final String ITERATION_OPERATION = "(iteration)";

    /** Windows the measured phase is cut into when the caller does not say. */
    public static final int DEFAULT_WINDOWS = 10;

    private final int windows;
    private final UserThreads userThreads;
    private final Segment segment;

    /**
     * An engine that cuts the measured phase into {@value #DEFAULT_WINDOWS} windows; its users run on the
     * threads {@link UserThreads#fromProperty()} says (platform threads unless told otherwise).
     */
    public LoadEngine() {
        this(DEFAULT_WINDOWS);
    }

    /**
     * An engine that cuts the measured phase into {@code windows} equal windows (1 to 1,000) for the
     * per-window figures the gate's significance test uses.
     */
    public LoadEngine(int windows) {
        this(windows, UserThreads.fromProperty(), Segment.WHOLE);
    }

    private LoadEngine(int windows, UserThreads userThreads, Segment segment) {
        if (windows < 1 || windows > 1_000) {
            throw new IllegalArgumentException("windows: " + windows + " is out of range; use 1 to 1000, e.g. 10");
        }
        this.windows = windows;
        this.userThreads = userThreads.requireAvailable("UserThreads." + userThreads);
        this.segment = segment;
    }

    /**
     * A copy whose closed-model users run on {@code threads}: {@link UserThreads#VIRTUAL} needs Java 21+.
     *
     * @throws IllegalArgumentException when virtual threads are asked for before Java 21
     */
    public LoadEngine withUserThreads(UserThreads threads) {
        return new LoadEngine(windows, threads, segment);
    }

    /**
     * A copy that runs only {@code part} of each plan, starting at its start time: the users and arrivals
     * dealt to it ({@link Segment}). Its measurements keep each window's and second's histogram, so that
     * the parts' results merge without loss.
     *
     * <pre>{@code
     * RunMeasurements second = new LoadEngine().forSegment(new Segment(1, 4, start)).run(plan, target, scenario);
     * }</pre>
     */
    public LoadEngine forSegment(Segment part) {
        if (part == null) {
            throw new IllegalArgumentException("part: none given; give Segment.WHOLE for the whole run");
        }
        return new LoadEngine(windows, userThreads, part);
    }

    /**
     * Runs {@code scenario} against {@code target} as {@code plan} says and returns what was measured.
     *
     * @throws IllegalArgumentException when {@code target} is not on loopback
     */
    public RunMeasurements run(RunPlan plan, URI target, Scenario scenario) {
        return run(plan, target, scenario, RunListener.NONE);
    }

    /**
     * Runs {@code scenario} against {@code target} as {@code plan} says, telling {@code listener} when
     * the load starts (with a {@link LiveRun} to watch it), and returns what was measured.
     *
     * @throws IllegalArgumentException when {@code target} is not on loopback
     */
    public RunMeasurements run(RunPlan plan, URI target, Scenario scenario, RunListener listener) {
        LoopbackTarget.require(target);
        segment.requireFits(plan);
        if (plan instanceof OpenLoadPlan open) {
            return new OpenModelRun(open, target, scenario, windows, listener, segment).run();
        }
        return new ClosedModelRun((LoadPlan) plan, List.of(target), 0, scenario, windows, userThreads, listener, segment).run()
                .get(0);
    }

    /**
     * Runs {@code scenario} against every one of {@code targets} in one closed-model run, interleaved
     * iteration by iteration: each user sends its iterations to the targets in rounds, every target once
     * per round, each round in an order drawn from {@code seed} and the user's id. Whatever slows the
     * machine for longer than a request then falls on every target alike, which is what a comparison of
     * two versions of an application needs on a noisy machine (see {@code docs/regression-detection.md}).
     * With several users the targets are under load at the same time, each from about
     * {@code users / targets.size()} of them.
     *
     * <p>Returns one {@link RunMeasurements} per target, in the order of {@code targets}. A target's
     * {@link RunMeasurements#ranFor()} is its share of the users' time (the iterations that went to it,
     * with their think time, divided by the users), so its throughput is the rate it served while it had
     * the users: with a slower target the users spend longer on it and its throughput is lower, although
     * both got the same number of iterations.
     *
     * <pre>{@code
     * List<RunMeasurements> ab = new LoadEngine().runInterleaved(new LoadPlan(2, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(2)),
     *         List.of(URI.create("http://localhost:8080"), URI.create("http://localhost:8081")), 42,
     *         user -> user.http().get("/health"), RunListener.NONE);
     * }</pre>
     *
     * @throws IllegalArgumentException when a target is not on loopback, or {@code targets} is empty
     */
    public List<RunMeasurements> runInterleaved(LoadPlan plan, List<URI> targets, long seed, Scenario scenario, RunListener listener) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("targets: an interleaved run needs at least one target");
        }
        targets.forEach(LoopbackTarget::require);
        if (!segment.isWhole()) {
            throw new IllegalArgumentException("targets: an interleaved run compares versions on one load generator; "
                    + "run it without a segment");
        }
        return new ClosedModelRun(plan, targets, seed, scenario, windows, userThreads, listener, Segment.WHOLE).run();
    }

    /**
     * Whether {@code operation} is part of the run's total. A failed check is not a request: counting
     * it would halve the apparent success rate of a scenario that made one good request and then failed.
     */
    static boolean countsInTotal(String operation) {
        return !ITERATION_OPERATION.equals(operation);
    }
}
