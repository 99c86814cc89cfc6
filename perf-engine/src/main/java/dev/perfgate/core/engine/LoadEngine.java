package dev.perfgate.core.engine;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import dev.perfgate.core.http.ErrorKind;
import dev.perfgate.core.http.Http;
import dev.perfgate.core.http.HttpTransport;
import dev.perfgate.core.http.UserConnections;
import dev.perfgate.core.http.UserHttp;
import dev.perfgate.core.http.LoopbackTarget;
import dev.perfgate.core.result.SecondFigures;

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
        this(windows, UserThreads.fromProperty());
    }

    private LoadEngine(int windows, UserThreads userThreads) {
        if (windows < 1 || windows > 1_000) {
            throw new IllegalArgumentException("windows: " + windows + " is out of range; use 1 to 1000, e.g. 10");
        }
        this.windows = windows;
        this.userThreads = userThreads.requireAvailable("UserThreads." + userThreads);
    }

    /**
     * A copy whose closed-model users run on {@code threads}: {@link UserThreads#VIRTUAL} needs Java 21+.
     *
     * @throws IllegalArgumentException when virtual threads are asked for before Java 21
     */
    public LoadEngine withUserThreads(UserThreads threads) {
        return new LoadEngine(windows, threads);
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
        if (plan instanceof OpenLoadPlan open) {
            return new OpenModelRun(open, target, scenario, windows, listener).run();
        }
        return runClosed((LoadPlan) plan, List.of(target), 0, scenario, listener).get(0);
    }

    /** Tells {@code listener} that {@code run} started; what it throws must not stop the load. */
    static void notifyStarted(RunListener listener, LiveRun run) {
        try {
            listener.started(run);
        } catch (RuntimeException ignored) {
            // a listener only watches: the run goes on without it
        }
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
     * List<RunMeasurements> ab = new LoadEngine().runInterleaved(LoadPlan.of(2, Duration.ofSeconds(1), Duration.ofSeconds(5)),
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
        return runClosed(plan, targets, seed, scenario, listener);
    }

    private List<RunMeasurements> runClosed(LoadPlan plan, List<URI> targets, long seed, Scenario scenario, RunListener listener) {
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong iterations = new AtomicLong();
        UserSchedule timeline = plan.timeline();
        int users = plan.peakUsersWithWarmUp();
        AtomicInteger active = new AtomicInteger(Math.min(users, timeline.usersAt(0)));
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        RunStop stop = new RunStop();
        List<Thread> threads = new ArrayList<>(users);

        // phase: {start, measured start, measured end} in nanoTime, set once every user thread is
        // ready, so that starting many threads does not eat into the warm-up; the latch publishes it.
        long[] phase = new long[3];
        List<Target> ends = new ArrayList<>(targets.size());
        for (URI target : targets) {
            ends.add(new Target(target, UserConnections.fromProperty().forRun(target, plan.requestTimeout()), phase, windows, plan));
        }
        ClosedRun run = new ClosedRun(plan, timeline, phase, iterations, active, firstFailure, stop);
        for (int id = 1; id <= users; id++) {
            UserHttp[] https = new UserHttp[ends.size()];
            for (int t = 0; t < https.length; t++) {
                Target end = ends.get(t);
                https[t] = new UserHttp(end.transports().get(), end.uri(), plan.requestTimeout(), end.recorder());
            }
            RunningUser user = new RunningUser(id, https, seed);
            Thread thread = userThreads.unstarted("perfgate-vu-" + id, () -> run.user(user, scenario, ends, go));
            threads.add(thread);
            thread.start();
        }
        phase[0] = System.nanoTime();
        phase[1] = phase[0] + plan.warmUp().toNanos();
        phase[2] = phase[1] + plan.duration().toNanos();
        Instant measuredStart = Instant.now().plus(plan.warmUp());
        List<Thread> samplers = ends.stream().map(end -> end.windows().seconds().startSampler(active::get)).toList();
        // the live figures (progress, patterns) follow the last target: in a side-by-side run, this build
        notifyStarted(listener, new LiveRun(phase, ends.get(ends.size() - 1).windows(), false, active::get, iterations::get, () -> 0, stop));
        go.countDown();

        Duration stopDeadline = plan.requestTimeout().plusSeconds(STOP_GRACE_SECONDS);
        List<Integer> stuck = awaitUsers(threads, phase[2] + stopDeadline.toNanos());
        String abortReason = stuck.isEmpty() ? null
                : stuck.size() + " virtual user(s) were still busy " + stopDeadline.toSeconds()
                        + "s after the measured phase ended and were interrupted; their unfinished requests are not counted";
        Duration ranFor = stop.ranFor(phase[1], phase[2]);
        List<RunMeasurements> measured = new ArrayList<>(ends.size());
        for (int t = 0; t < ends.size(); t++) {
            Target end = ends.get(t);
            List<SecondFigures> seconds = finishSeconds(end.windows(), samplers.get(t), stop, phase);
            long ended = end.iterations().get();
            Duration share = ends.size() == 1 ? ranFor : Duration.ofNanos(end.userNanos().sum() / plan.users());
            measured.add(RunRecording.merge(List.of(end.recorder()), end.windows(), measuredStart, plan.duration(), ended, ended, 0,
                    abortReason, firstFailure.get(), seconds, share, ranFor.compareTo(plan.duration()) < 0));
        }
        return measured;
    }

    /** One target of a closed-model run and what its users measured of it. */
    private record Target(URI uri, Supplier<HttpTransport> transports, RunWindows windows, MeasuredRequests recorder,
            AtomicLong iterations, LongAdder userNanos) {

        Target(URI uri, Supplier<HttpTransport> transports, long[] phase, int windows, LoadPlan plan) {
            this(uri, transports, new RunWindows(windows, phase, plan), phase);
        }

        private Target(URI uri, Supplier<HttpTransport> transports, RunWindows windows, long[] phase) {
            this(uri, transports, windows, new MeasuredRequests(phase, windows), new AtomicLong(), new LongAdder());
        }
    }

    /** Stops the sampler and returns the run's seconds, up to its end or to where it was stopped. */
    static List<SecondFigures> finishSeconds(RunWindows runWindows, Thread sampler, RunStop stop, long[] phase) {
        sampler.interrupt();
        try {
            sampler.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return runWindows.seconds().finish(stop.atNanosOr(phase[2]));
    }

    /** What the users of one closed-model run share; each user's own state stays on its thread. */
    private record ClosedRun(LoadPlan plan, UserSchedule timeline, long[] phase, AtomicLong iterations, AtomicInteger active,
            AtomicReference<Throwable> firstFailure, RunStop stop) {

        /**
         * Runs one user: while the schedule wants it, iterations back to back (with think time); while it
         * does not, it waits until it is wanted again. It leaves or waits only between iterations, so no
         * request is cut off.
         */
        void user(RunningUser user, Scenario scenario, List<Target> targets, CountDownLatch go) {
            user.active = user.id() <= timeline.usersAt(0);
            try {
                go.await();
                runUser(user, scenario, targets);
            } catch (InterruptedException e) {
                // interrupted at the deadline, or before the start
            } finally {
                user.closeConnection();
                if (user.active) {
                    active.decrementAndGet();
                }
            }
        }

        private void runUser(RunningUser user, Scenario scenario, List<Target> targets) throws InterruptedException {
            long measureStart = phase[1];
            long measureEnd = phase[2];
            long limit = plan.iterationLimit();
            // Seeded by the user's id, so that a run's pauses are the same from run to run.
            SplittableRandom random = new SplittableRandom(user.id());
            while (!Thread.currentThread().isInterrupted() && user.iteration < limit) {
                long iterationStart = System.nanoTime();
                if (iterationStart - measureEnd >= 0 || stop.requested() || !awaitTurn(user, iterationStart)) {
                    return;
                }
                iterationStart = System.nanoTime();
                if (iterationStart - measureEnd >= 0) {
                    return;
                }
                Target target = targets.get(user.beginIteration());
                boolean measured = iterationStart - measureStart >= 0;
                if (measured) {
                    iterations.incrementAndGet();
                    target.iterations().incrementAndGet();
                }
                try {
                    scenario.iterate(user);
                } catch (InterruptedException e) {
                    return;
                } catch (Throwable failure) {
                    firstFailure.compareAndSet(null, failure);
                    target.recorder().record(ITERATION_OPERATION, iterationStart, System.nanoTime() - iterationStart, ErrorKind.CHECK);
                }
                long thinkNanos = plan.thinkTime().nextNanos(random);
                // A pause never runs past the end of the run.
                boolean rested = thinkNanos <= 0 || stop.sleepUntil(Math.min(System.nanoTime() + thinkNanos, measureEnd));
                if (measured) {
                    target.userNanos().add(System.nanoTime() - iterationStart);
                }
                if (!rested) {
                    return;
                }
            }
        }

        /**
         * Returns at once when the schedule wants {@code user} now; else marks it inactive and waits until
         * it is wanted again. False when it is not wanted again before the end, or the run was stopped.
         */
        private boolean awaitTurn(RunningUser user, long now) throws InterruptedException {
            long at = now;
            while (timeline.usersAt(at - phase[0]) < user.id()) {
                if (user.active) {
                    user.active = false;
                    active.decrementAndGet();
                }
                long next = timeline.nextActiveNanos(user.id(), at - phase[0]);
                if (next == UserSchedule.NEVER || !stop.sleepUntil(phase[0] + next)) {
                    return false;
                }
                at = Math.max(System.nanoTime(), phase[0] + next);
            }
            if (!user.active) {
                user.active = true;
                active.incrementAndGet();
            }
            return true;
        }
    }

    static void sleepUntil(long nanos) throws InterruptedException {
        long remaining = nanos - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
    }

    /** Waits for every user until the deadline; returns the indexes of those that had to be interrupted. */
    static List<Integer> awaitUsers(List<Thread> threads, long deadlineNanos) {
        List<Integer> stuck = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) {
            Thread thread = threads.get(i);
            joinUntil(thread, deadlineNanos);
            if (thread.isAlive()) {
                stuck.add(i);
                thread.interrupt();
            }
        }
        for (int index : stuck) {
            joinUntil(threads.get(index), System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
        }
        return stuck;
    }

    private static void joinUntil(Thread thread, long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.timedJoin(thread, remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether {@code operation} is part of the run's total. A failed check is not a request: counting
     * it would halve the apparent success rate of a scenario that made one good request and then failed.
     */
    static boolean countsInTotal(String operation) {
        return !ITERATION_OPERATION.equals(operation);
    }

    /** The state of one user (in the open model: one worker), confined to its thread. */
    static final class RunningUser implements VirtualUser {
        private final int id;
        private final UserHttp[] https;
        private final Map<String, Object> session = new HashMap<>();
        /** Interleaved runs: the targets of the current round, in the order drawn, and the next one's place. */
        private final int[] round;
        private final SplittableRandom order;
        private int next;
        private int current;
        private long iteration;
        /** Closed model: whether the schedule wants the user now (it counts as active); confined to its thread. */
        private boolean active;

        RunningUser(int id, UserHttp http) {
            this(id, new UserHttp[] {http}, 0);
        }

        /** A user whose iterations go to each of {@code https} in turn, each round in an order drawn from {@code seed} and its id. */
        RunningUser(int id, UserHttp[] https, long seed) {
            this.id = id;
            this.https = https;
            this.round = new int[https.length];
            for (int i = 0; i < round.length; i++) {
                round[i] = i;
            }
            this.next = round.length;
            this.order = new SplittableRandom(seed * 31 + id);
        }

        /** Closes the user's own connections, if its transport has them. */
        void closeConnection() {
            for (UserHttp http : https) {
                http.close();
            }
        }

        /** Counts the iteration about to run and returns the target it goes to (from 0; always 0 with one). */
        int beginIteration() {
            iteration++;
            if (round.length > 1) {
                if (next == round.length) {
                    shuffle();
                    next = 0;
                }
                current = round[next++];
            }
            return current;
        }

        private void shuffle() {
            for (int i = round.length - 1; i > 0; i--) {
                int j = order.nextInt(i + 1);
                int swap = round[i];
                round[i] = round[j];
                round[j] = swap;
            }
        }

        @Override
        public int id() {
            return id;
        }

        @Override
        public long iteration() {
            return iteration;
        }

        @Override
        public Http http() {
            return https[current];
        }

        @Override
        public Map<String, Object> session() {
            return session;
        }
    }
}
