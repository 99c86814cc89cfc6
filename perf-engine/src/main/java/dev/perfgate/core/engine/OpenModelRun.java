package dev.perfgate.core.engine;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import dev.perfgate.core.http.ErrorKind;
import dev.perfgate.core.http.HttpTransport;
import dev.perfgate.core.http.ResolvedPaths;
import dev.perfgate.core.http.UserConnections;
import dev.perfgate.core.http.UserHttp;
import dev.perfgate.core.result.SecondFigures;

/**
 * One run of an {@link OpenLoadPlan}. Worker threads take the plan's arrivals in order: a worker
 * between iterations claims the next arrival no one has claimed, sleeps until it is due and runs it.
 * An arrival thus costs one timed wake-up of the thread that serves it; handed from a dispatcher
 * to a worker it cost three (the dispatcher's, the worker's on the queue, the worker's own sleep to
 * the due time), which at 5,000 arrivals a second was about half the generator's CPU.
 *
 * <p>The calling thread, the dispatcher, watches the arrivals no one has claimed. When some are due
 * while every worker holds an earlier one, it starts workers for them up to
 * {@link OpenLoadPlan#maxInFlight()}, and drops and counts the rest: there are never more than
 * {@code maxInFlight} workers, hence never more iterations at once. All record into one
 * {@link MeasuredRequests}, each worker through its own {@link IntendedStartRecorder} that times the
 * iteration from its due time.
 *
 * <p>Bounded: the arrivals are a finite schedule (at most {@link ArrivalSchedule#MAX_ARRIVALS}), each
 * claimed once; nobody sleeps past the run, and a stop wakes every sleeper; workers still busy
 * {@code requestTimeout + }{@value LoadEngine#STOP_GRACE_SECONDS}{@code s} after the end are
 * interrupted and the run is aborted.
 */
final class OpenModelRun {

    /** Workers started before the run begins, so that the first arrivals do not wait for thread starts. */
    static final int PRESTARTED_WORKERS = 8;

    private final OpenLoadPlan plan;
    private final ArrivalSchedule timeline;
    /** The target's paths, resolved once for all workers. */
    private final ResolvedPaths paths;
    private final Scenario scenario;
    private final Supplier<HttpTransport> transports;
    /** {start, measured start, measured end} in nanoTime; written before the first worker starts. */
    private final RunPhases phase = new RunPhases();
    private final RunWindows runWindows;
    /** The next arrival no one has claimed: a worker claims by incrementing, the dispatcher drops by compare-and-set. */
    private final AtomicLong nextArrival = new AtomicLong();
    /**
     * Workers holding a claimed arrival, waiting for it or running it. Raised after the claim and
     * lowered before the next, so that a worker about to claim is never counted as holding one.
     */
    private final AtomicInteger holding = new AtomicInteger();
    /** Workers started and not yet ended: the cap's count, and what {@link #holding} is compared with. */
    private final AtomicInteger workers = new AtomicInteger();
    /** Opened once the run's start time is set: workers are started before it, so that the first arrivals find them ready. */
    private final CountDownLatch begun = new CountDownLatch(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong startedInMeasuredPhase = new AtomicLong();
    private final AtomicLong scheduled = new AtomicLong();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    /** Every worker started, to wait for at the end; started by the dispatcher only. */
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final MeasuredRequests measurements;
    private final RunStop stop = new RunStop();

    private final RunListener listener;
    private final Segment segment;
    /** Most iterations running at once in this run: the plan's, or this part's share of it. */
    private final int maxInFlight;

    OpenModelRun(OpenLoadPlan plan, URI target, Scenario scenario, int windows, RunListener listener, Segment segment) {
        this.listener = listener;
        this.segment = segment;
        this.maxInFlight = segment.maxInFlightOf(plan.maxInFlight());
        this.plan = plan;
        this.timeline = plan.timeline();
        this.paths = new ResolvedPaths(target);
        this.scenario = scenario;
        this.transports = UserConnections.fromProperty().forRun(target, plan.requestTimeout());
        this.runWindows = new RunWindows(windows, phase, plan, !segment.isWhole());
        this.measurements = new MeasuredRequests(phase, runWindows);
    }

    RunMeasurements run() {
        for (int i = 0; i < Math.min(PRESTARTED_WORKERS, maxInFlight); i++) {
            startWorker();
        }
        stop.onRequest(() -> threads.forEach(LockSupport::unpark));
        segment.awaitStart();
        phase.begin(System.nanoTime(), plan.warmUp(), plan.duration());
        begun.countDown();
        Instant measuredStart = Instant.now().plus(plan.warmUp());
        Dispatched dispatched = new Dispatched();
        Thread sampler = runWindows.seconds().startSampler(inFlight::get);
        RunThreads.notifyStarted(listener, new LiveRun(phase, runWindows, true, inFlight::get, startedInMeasuredPhase::get,
                () -> dispatched.dropped, stop));

        dispatch(dispatched);
        if (dispatched.interruptedReason != null) {
            // Workers stop as at an early end: none starts another arrival.
            stop.request();
        }

        Duration stopDeadline = plan.requestTimeout().plusSeconds(LoadEngine.STOP_GRACE_SECONDS);
        List<Integer> stuck = RunThreads.awaitUsers(threads, phase.measuredEndNanos() + stopDeadline.toNanos());
        String abortReason = dispatched.interruptedReason;
        if (!stuck.isEmpty()) {
            abortReason = (abortReason == null ? "" : abortReason + "; ") + stuck.size()
                    + " iteration worker(s) were still busy " + stopDeadline.toSeconds()
                    + "s after the measured phase ended and were interrupted; their unfinished requests are not counted";
        }
        List<SecondFigures> seconds = RunThreads.finishSeconds(runWindows, sampler, stop, phase);
        return MergedRun.of(List.of(measurements), runWindows, measuredStart, plan.duration())
                .iterations(startedInMeasuredPhase.get(), scheduled.get() + dispatched.dropped, dispatched.dropped)
                .ended(abortReason, firstFailure.get())
                .seconds(seconds, stop.ranFor(phase.measuredStartNanos(), phase.measuredEndNanos()))
                .segment(segment)
                .measurements();
    }

    /**
     * Watches the arrivals no worker has claimed until the schedule ends. When some are due, each
     * worker between arrivals will claim one of them; for the others it starts workers, up to the cap,
     * and drops the rest (the oldest), counting them: each found every worker busy when it was due.
     * The pool thus grows only when the workers were all busy; an arrival a new worker takes is late
     * by the thread's start, which its latency shows.
     */
    private void dispatch(Dispatched counts) {
        // Arrivals up to here were due when last looked at, and left to workers between arrivals.
        long watched = 0;
        try {
            while (true) {
                long arrival = Math.max(watched, nextArrival.get());
                long offset = dueNanos(arrival);
                if (offset == ArrivalSchedule.NOT_DUE) {
                    return;
                }
                if (!stop.sleepUntil(phase.startNanos() + offset)) {
                    return;
                }
                long last = lastDue(arrival, System.nanoTime());
                long next = nextArrival.get();
                long unclaimed = last - next + 1;
                if (unclaimed <= 0) {
                    continue;
                }
                int free = workers.get() - holding.get();
                while (unclaimed > free && workers.get() < maxInFlight) {
                    startWorker();
                    free++;
                }
                if (unclaimed > free) {
                    long drop = unclaimed - free;
                    if (!nextArrival.compareAndSet(next, next + drop)) {
                        // A worker claimed meanwhile: look again.
                        continue;
                    }
                    counts.dropped += measured(next, next + drop);
                }
                watched = last + 1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            counts.interruptedReason = "the run was interrupted after " + nextArrival.get() + " of "
                    + (long) Math.ceil(timeline.expectedArrivals() / segment.count()) + " arrivals";
        }
    }

    /** The last arrival due by {@code nowNanos}, from {@code due}, an arrival already due. */
    private long lastDue(long due, long nowNanos) {
        long last = due;
        while (true) {
            long offset = dueNanos(last + 1);
            if (offset == ArrivalSchedule.NOT_DUE || phase.startNanos() + offset - nowNanos > 0) {
                return last;
            }
            last++;
        }
    }

    /** How many of the arrivals from {@code from} (inclusive) to {@code to} (exclusive) are due in the measured phase. */
    private long measured(long from, long to) {
        long count = 0;
        for (long arrival = from; arrival < to; arrival++) {
            if (phase.startNanos() + dueNanos(arrival) - phase.measuredStartNanos() >= 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * When this run's {@code arrival}-th arrival (from 0) is due, in nanoseconds from the run's start;
     * {@link ArrivalSchedule#NOT_DUE} after the last. A part of a distributed run takes every
     * {@code count}-th arrival of the whole schedule.
     */
    private long dueNanos(long arrival) {
        return timeline.dueNanos(segment.arrival(arrival));
    }

    private void startWorker() {
        int id = threads.size() + 1;
        IntendedStartRecorder timing = new IntendedStartRecorder(measurements);
        RunningUser user = new RunningUser(id, new UserHttp(transports.get(), paths, plan.requestTimeout(), timing));
        Thread thread = new Thread(() -> work(user, timing), "perfgate-open-" + id);
        thread.setDaemon(true);
        threads.add(thread);
        workers.incrementAndGet();
        thread.start();
    }

    /** Claims and runs arrivals until the schedule ends, the run is stopped or the thread interrupted; each arrival once. */
    private void work(RunningUser user, IntendedStartRecorder timing) {
        try {
            begun.await();
            while (!Thread.currentThread().isInterrupted()) {
                long offset = dueNanos(nextArrival.getAndIncrement());
                if (offset == ArrivalSchedule.NOT_DUE) {
                    return;
                }
                holding.incrementAndGet();
                try {
                    long due = phase.startNanos() + offset;
                    if (!sleepUntil(due)) {
                        return;
                    }
                    if (due - phase.measuredStartNanos() >= 0) {
                        scheduled.incrementAndGet();
                    }
                    inFlight.incrementAndGet();
                    try {
                        iterate(user, timing, due);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                } finally {
                    holding.decrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            workers.decrementAndGet();
            user.closeConnection();
        }
    }

    /**
     * Sleeps until {@code nanos}; false when the run was stopped first. Workers park rather than wait
     * on the run's stop latch, whose queue each timed wait joins and leaves: at 5,000 arrivals a second
     * that cost a fifth of the generator's CPU. A stop unparks them.
     */
    private boolean sleepUntil(long nanos) throws InterruptedException {
        while (!stop.requested()) {
            long remaining = nanos - System.nanoTime();
            if (remaining <= 0) {
                return true;
            }
            LockSupport.parkNanos(this, remaining);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return false;
    }

    private void iterate(RunningUser user, IntendedStartRecorder timing, long due) {
        long start = System.nanoTime();
        user.beginIteration();
        if (start - phase.measuredStartNanos() >= 0 && start - phase.measuredEndNanos() < 0) {
            startedInMeasuredPhase.incrementAndGet();
        }
        timing.beginIteration(due);
        try {
            scenario.iterate(user);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable failure) {
            firstFailure.compareAndSet(null, failure);
            measurements.record(LoadEngine.ITERATION_OPERATION, due, System.nanoTime() - due, ErrorKind.CHECK);
        }
    }

    /** Arrivals due in the measured phase that the dispatcher dropped; written by the dispatcher only. */
    private static final class Dispatched {
        /** Volatile for live readers; one writer, so the increment loses nothing. */
        volatile long dropped;
        String interruptedReason;
    }
}
