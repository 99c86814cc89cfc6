package dev.perfgate.core.engine;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.perfgate.core.http.ErrorKind;
import dev.perfgate.core.http.HttpTransport;
import dev.perfgate.core.http.UserConnections;
import dev.perfgate.core.http.UserHttp;
import dev.perfgate.core.result.SecondFigures;

/**
 * One run of an {@link OpenLoadPlan}. The calling thread is the dispatcher: it walks the arrivals of
 * the plan's timeline in order, sleeps until each is due, and hands it to a worker thread unless
 * {@link OpenLoadPlan#maxInFlight()} iterations are running, in which case the arrival is dropped and
 * counted. Workers are started when an accepted arrival would otherwise find none idle, so there are
 * never more than {@code maxInFlight}; all record into one {@link MeasuredRequests}, each through its own
 * {@link IntendedStartRecorder} that times the iteration from its due time.
 *
 * <p>Bounded: the dispatcher walks a finite schedule (at most {@link ArrivalSchedule#MAX_ARRIVALS}) and
 * sleeps only until times within the run; workers still busy {@code requestTimeout + }
 * {@value LoadEngine#STOP_GRACE_SECONDS}{@code s} after the end are interrupted and the run is aborted.
 */
final class OpenModelRun {

    /** Workers started before the run begins, so that the first arrivals do not wait for thread starts. */
    static final int PRESTARTED_WORKERS = 8;

    /**
     * How long before an arrival is due the dispatcher hands it to a worker, which then sleeps until
     * it is due: one thread wakes on time instead of two in turn, as in the closed model.
     */
    static final long HAND_OFF_LEAD_NANOS = 1_000_000;

    /** Tells a worker that no arrival follows. */
    private static final Arrival STOP = new Arrival(0);

    private final OpenLoadPlan plan;
    private final URI target;
    private final Scenario scenario;
    private final Supplier<HttpTransport> transports;
    /** {start, measured start, measured end} in nanoTime; written before the first arrival is queued. */
    private final RunPhases phase = new RunPhases();
    private final RunWindows runWindows;
    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong startedInMeasuredPhase = new AtomicLong();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();
    private final MeasuredRequests measurements;
    private final RunStop stop = new RunStop();

    private final RunListener listener;

    OpenModelRun(OpenLoadPlan plan, URI target, Scenario scenario, int windows, RunListener listener) {
        this.listener = listener;
        this.plan = plan;
        this.target = target;
        this.scenario = scenario;
        this.transports = UserConnections.fromProperty().forRun(target, plan.requestTimeout());
        this.runWindows = new RunWindows(windows, phase, plan);
        this.measurements = new MeasuredRequests(phase, runWindows);
    }

    RunMeasurements run() {
        for (int i = 0; i < Math.min(PRESTARTED_WORKERS, plan.maxInFlight()); i++) {
            startWorker();
        }
        phase.begin(System.nanoTime(), plan.warmUp(), plan.duration());
        Instant measuredStart = Instant.now().plus(plan.warmUp());
        Dispatched dispatched = new Dispatched();
        Thread sampler = runWindows.seconds().startSampler(inFlight::get);
        RunThreads.notifyStarted(listener, new LiveRun(phase, runWindows, true, inFlight::get, startedInMeasuredPhase::get,
                () -> dispatched.dropped, stop));

        dispatch(plan.timeline(), dispatched);
        for (int i = 0; i < threads.size(); i++) {
            arrivals.add(STOP);
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
                .iterations(startedInMeasuredPhase.get(), dispatched.scheduled, dispatched.dropped)
                .ended(abortReason, firstFailure.get())
                .seconds(seconds, stop.ranFor(phase.measuredStartNanos(), phase.measuredEndNanos()))
                .measurements();
    }

    /** Hands every arrival of {@code timeline} to a worker when it is due, or drops it at the cap. */
    private void dispatch(ArrivalSchedule timeline, Dispatched counts) {
        for (long arrival = 0; ; arrival++) {
            long offset = timeline.dueNanos(arrival);
            if (offset == ArrivalSchedule.NOT_DUE) {
                return;
            }
            long due = phase.startNanos() + offset;
            try {
                if (!stop.sleepUntil(due - HAND_OFF_LEAD_NANOS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                counts.interruptedReason = "the run was interrupted after " + arrival + " of "
                        + (long) Math.ceil(timeline.expectedArrivals()) + " arrivals";
                return;
            }
            boolean measured = due - phase.measuredStartNanos() >= 0;
            if (measured) {
                counts.scheduled++;
            }
            if (inFlight.get() >= plan.maxInFlight()) {
                if (measured) {
                    counts.dropped++;
                }
                continue;
            }
            // Only this thread increments, so the check above cannot be overtaken.
            int running = inFlight.incrementAndGet();
            arrivals.add(new Arrival(due));
            // Every worker is idle or holds one of the running arrivals: with fewer workers than
            // arrivals in flight, this one would wait for a worker, so start one.
            if (threads.size() < running) {
                startWorker();
            }
        }
    }

    private void startWorker() {
        int id = threads.size() + 1;
        IntendedStartRecorder timing = new IntendedStartRecorder(measurements);
        RunningUser user = new RunningUser(id, new UserHttp(transports.get(), target, plan.requestTimeout(), timing));
        Thread thread = new Thread(() -> work(user, timing), "perfgate-open-" + id);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** Runs arrivals until told to stop or interrupted; each worker takes at most every arrival of the run once. */
    private void work(RunningUser user, IntendedStartRecorder timing) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Arrival arrival;
                try {
                    arrival = arrivals.take();
                } catch (InterruptedException e) {
                    return;
                }
                if (arrival == STOP) {
                    return;
                }
                try {
                    iterate(user, timing, arrival.dueNanos);
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        } finally {
            user.closeConnection();
        }
    }

    private void iterate(RunningUser user, IntendedStartRecorder timing, long due) {
        try {
            RunThreads.sleepUntil(due);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
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

    /** An accepted arrival: when it was due, in nanoTime. */
    private record Arrival(long dueNanos) {
    }

    /** What the dispatcher did with the arrivals due in the measured phase; written by the dispatcher only. */
    private static final class Dispatched {
        long scheduled;
        /** Volatile for live readers; one writer, so the increment loses nothing. */
        volatile long dropped;
        String interruptedReason;
    }
}
