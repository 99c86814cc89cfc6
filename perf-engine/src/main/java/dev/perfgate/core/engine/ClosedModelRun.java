package dev.perfgate.core.engine;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import dev.perfgate.core.http.ErrorKind;
import dev.perfgate.core.http.HttpTransport;
import dev.perfgate.core.http.ResolvedPaths;
import dev.perfgate.core.http.UserConnections;
import dev.perfgate.core.http.UserHttp;
import dev.perfgate.core.result.SecondFigures;

/**
 * One run of the closed model: a thread per virtual user, each running iterations back to back (with
 * think time) while the plan's schedule wants it, against one target or, interleaved iteration by
 * iteration, against several. The counterpart of {@link OpenModelRun}; {@link LoadEngine} chooses.
 *
 * <pre>{@code
 * List<RunMeasurements> perTarget = new ClosedModelRun(plan, List.of(target), 0, scenario, 10, UserThreads.fromProperty(),
 *         RunListener.NONE).run();
 * }</pre>
 */
final class ClosedModelRun {

    private final LoadPlan plan;
    private final List<URI> targets;
    private final long seed;
    private final Scenario scenario;
    private final int windows;
    private final UserThreads userThreads;
    private final RunListener listener;
    private final Segment segment;

    ClosedModelRun(LoadPlan plan, List<URI> targets, long seed, Scenario scenario, int windows, UserThreads userThreads,
            RunListener listener, Segment segment) {
        this.plan = plan;
        this.targets = targets;
        this.seed = seed;
        this.scenario = scenario;
        this.windows = windows;
        this.userThreads = userThreads;
        this.listener = listener;
        this.segment = segment;
    }

    /** Runs the plan and returns one {@link RunMeasurements} per target, in the order of the targets. */
    List<RunMeasurements> run() {
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong iterations = new AtomicLong();
        UserSchedule timeline = plan.timeline();
        int users = plan.peakUsersWithWarmUp();
        AtomicInteger active = new AtomicInteger(segment.usersOf(Math.min(users, timeline.usersAt(0))));
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        RunStop stop = new RunStop();
        List<Thread> threads = new ArrayList<>(users);

        // phase: {start, measured start, measured end} in nanoTime, set once every user thread is
        // ready, so that starting many threads does not eat into the warm-up; the latch publishes it.
        RunPhases phase = new RunPhases();
        List<Target> ends = new ArrayList<>(targets.size());
        for (URI target : targets) {
            ends.add(new Target(target, UserConnections.fromProperty().forRun(target, plan.requestTimeout()), phase,
                    new RunWindows(windows, phase, plan, !segment.isWhole())));
        }
        Users run = new Users(plan, timeline, phase, iterations, active, firstFailure, stop);
        for (int id = 1; id <= users; id++) {
            if (!segment.hasUser(id)) {
                continue;
            }
            UserHttp[] https = new UserHttp[ends.size()];
            for (int t = 0; t < https.length; t++) {
                Target end = ends.get(t);
                https[t] = new UserHttp(end.transports().get(), end.paths(), plan.requestTimeout(), end.recorder());
            }
            RunningUser user = new RunningUser(id, https, seed);
            Thread thread = userThreads.unstarted("perfgate-vu-" + id, () -> run.user(user, scenario, ends, go));
            threads.add(thread);
            thread.start();
        }
        segment.awaitStart();
        phase.begin(System.nanoTime(), plan.warmUp(), plan.duration());
        Instant measuredStart = Instant.now().plus(plan.warmUp());
        List<Thread> samplers = ends.stream().map(end -> end.windows().seconds().startSampler(active::get)).toList();
        // the live figures (progress, patterns) follow the last target: in a side-by-side run, this build
        RunThreads.notifyStarted(listener, new LiveRun(phase, ends.get(ends.size() - 1).windows(), false, active::get, iterations::get, () -> 0, stop));
        go.countDown();

        Duration stopDeadline = plan.requestTimeout().plusSeconds(LoadEngine.STOP_GRACE_SECONDS);
        List<Integer> stuck = RunThreads.awaitUsers(threads, phase.measuredEndNanos() + stopDeadline.toNanos());
        String abortReason = stuck.isEmpty() ? null
                : stuck.size() + " virtual user(s) were still busy " + stopDeadline.toSeconds()
                        + "s after the measured phase ended and were interrupted; their unfinished requests are not counted";
        Duration ranFor = stop.ranFor(phase.measuredStartNanos(), phase.measuredEndNanos());
        List<RunMeasurements> measured = new ArrayList<>(ends.size());
        for (int t = 0; t < ends.size(); t++) {
            Target end = ends.get(t);
            List<SecondFigures> seconds = RunThreads.finishSeconds(end.windows(), samplers.get(t), stop, phase);
            Duration share = ends.size() == 1 ? ranFor : Duration.ofNanos(end.userNanos().sum() / plan.users());
            measured.add(MergedRun.of(List.of(end.recorder()), end.windows(), measuredStart, plan.duration())
                    .iterations(end.iterations().get())
                    .ended(abortReason, firstFailure.get())
                    .seconds(seconds, share)
                    .stoppedEarly(ranFor.compareTo(plan.duration()) < 0)
                    .segment(segment)
                    .measurements());
        }
        return measured;
    }

    /** One target of a closed-model run and what its users measured of it. */
    private record Target(ResolvedPaths paths, Supplier<HttpTransport> transports, RunWindows windows, MeasuredRequests recorder,
            AtomicLong iterations, LongAdder userNanos) {

        Target(URI uri, Supplier<HttpTransport> transports, RunPhases phase, RunWindows windows) {
            this(new ResolvedPaths(uri), transports, windows, phase);
        }

        private Target(ResolvedPaths paths, Supplier<HttpTransport> transports, RunWindows windows, RunPhases phase) {
            this(paths, transports, windows, new MeasuredRequests(phase, windows), new AtomicLong(), new LongAdder());
        }
    }

    /** What the users of one closed-model run share; each user's own state stays on its thread. */
    private record Users(LoadPlan plan, UserSchedule timeline, RunPhases phase, AtomicLong iterations, AtomicInteger active,
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
            long measureStart = phase.measuredStartNanos();
            long measureEnd = phase.measuredEndNanos();
            long limit = plan.iterationLimit();
            // Seeded by the user's id, so that a run's pauses are the same from run to run.
            SplittableRandom random = new SplittableRandom(user.id());
            while (!Thread.currentThread().isInterrupted() && user.iteration() < limit) {
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
                    target.recorder().record(LoadEngine.ITERATION_OPERATION, iterationStart, System.nanoTime() - iterationStart, ErrorKind.CHECK);
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
            while (timeline.usersAt(at - phase.startNanos()) < user.id()) {
                if (user.active) {
                    user.active = false;
                    active.decrementAndGet();
                }
                long next = timeline.nextActiveNanos(user.id(), at - phase.startNanos());
                if (next == UserSchedule.NEVER || !stop.sleepUntil(phase.startNanos() + next)) {
                    return false;
                }
                at = Math.max(System.nanoTime(), phase.startNanos() + next);
            }
            if (!user.active) {
                user.active = true;
                active.incrementAndGet();
            }
            return true;
        }
    }
}
