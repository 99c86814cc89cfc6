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
import java.util.function.Supplier;

import dev.perfgate.core.http.Http;
import dev.perfgate.core.http.HttpTransport;
import dev.perfgate.core.http.UserConnections;
import dev.perfgate.core.http.UserHttp;
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
        return runClosed((LoadPlan) plan, target, scenario, listener);
    }

    /** Tells {@code listener} that {@code run} started; what it throws must not stop the load. */
    static void notifyStarted(RunListener listener, LiveRun run) {
        try {
            listener.started(run);
        } catch (RuntimeException ignored) {
            // a listener only watches: the run goes on without it
        }
    }

    private RunMeasurements runClosed(LoadPlan plan, URI target, Scenario scenario, RunListener listener) {
        Supplier<HttpTransport> transports = UserConnections.fromProperty().forRun(target, plan.requestTimeout());
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong iterations = new AtomicLong();
        UserSchedule timeline = plan.timeline();
        AtomicInteger active = new AtomicInteger(Math.min(plan.users(), timeline.usersAt(0)));
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        RunStop stop = new RunStop();
        List<Thread> threads = new ArrayList<>(plan.users());

        // phase: {start, measured start, measured end} in nanoTime, set once every user thread is
        // ready, so that starting many threads does not eat into the warm-up; the latch publishes it.
        long[] phase = new long[3];
        RunWindows runWindows = new RunWindows(windows, phase, plan);
        MeasuredRequests recorder = new MeasuredRequests(phase, runWindows);
        ClosedRun run = new ClosedRun(plan, timeline, phase, iterations, active, firstFailure, stop);
        for (int id = 1; id <= plan.users(); id++) {
            UserHttp http = new UserHttp(transports.get(), target, plan.requestTimeout(), recorder);
            RunningUser user = new RunningUser(id, http);
            Thread thread = userThreads.unstarted("perfgate-vu-" + id, () -> run.user(user, scenario, recorder, go));
            threads.add(thread);
            thread.start();
        }
        phase[0] = System.nanoTime();
        phase[1] = phase[0] + plan.warmUp().toNanos();
        phase[2] = phase[1] + plan.duration().toNanos();
        Instant measuredStart = Instant.now().plus(plan.warmUp());
        Thread sampler = runWindows.seconds().startSampler(active::get);
        notifyStarted(listener, new LiveRun(phase, runWindows, false, active::get, iterations::get, () -> 0, stop));
        go.countDown();

        Duration stopDeadline = plan.requestTimeout().plusSeconds(STOP_GRACE_SECONDS);
        List<Integer> stuck = awaitUsers(threads, phase[2] + stopDeadline.toNanos());
        String abortReason = stuck.isEmpty() ? null
                : stuck.size() + " virtual user(s) were still busy " + stopDeadline.toSeconds()
                        + "s after the measured phase ended and were interrupted; their unfinished requests are not counted";
        List<SecondFigures> seconds = finishSeconds(runWindows, sampler, stop, phase);
        return RunRecording.merge(List.of(recorder), runWindows, measuredStart, plan.duration(), iterations.get(), iterations.get(), 0,
                abortReason, firstFailure.get(), seconds, stop.ranFor(phase[1], phase[2]));
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
        void user(RunningUser user, Scenario scenario, MeasuredRequests recorder, CountDownLatch go) {
            user.active = user.id() <= timeline.usersAt(0);
            try {
                go.await();
                runUser(user, scenario, recorder);
            } catch (InterruptedException e) {
                // interrupted at the deadline, or before the start
            } finally {
                user.closeConnection();
                if (user.active) {
                    active.decrementAndGet();
                }
            }
        }

        private void runUser(RunningUser user, Scenario scenario, MeasuredRequests recorder) throws InterruptedException {
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
                user.beginIteration();
                if (iterationStart - measureStart >= 0) {
                    iterations.incrementAndGet();
                }
                try {
                    scenario.iterate(user);
                } catch (InterruptedException e) {
                    return;
                } catch (Throwable failure) {
                    firstFailure.compareAndSet(null, failure);
                    recorder.record(ITERATION_OPERATION, iterationStart, System.nanoTime() - iterationStart, ErrorKind.CHECK);
                }
                long thinkNanos = plan.thinkTime().nextNanos(random);
                // A pause never runs past the end of the run.
                if (thinkNanos > 0 && !stop.sleepUntil(Math.min(System.nanoTime() + thinkNanos, measureEnd))) {
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
        private final UserHttp http;
        private final Map<String, Object> session = new HashMap<>();
        private long iteration;
        /** Closed model: whether the schedule wants the user now (it counts as active); confined to its thread. */
        private boolean active;

        RunningUser(int id, UserHttp http) {
            this.id = id;
            this.http = http;
        }

        /** Closes the user's own connection, if its transport has one. */
        void closeConnection() {
            http.close();
        }

        /** Counts the iteration about to run. */
        void beginIteration() {
            iteration++;
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
            return http;
        }

        @Override
        public Map<String, Object> session() {
            return session;
        }
    }
}
