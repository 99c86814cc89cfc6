package dev.perfgate.core.engine.eventloop;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;

import dev.perfgate.core.engine.ArrivalSchedule;
import dev.perfgate.core.engine.GeneratorCpu;
import dev.perfgate.core.engine.LoadEngine;
import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.http.RequestRecorder;
import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.engine.RunRecording;
import dev.perfgate.core.http.LoopbackTarget;

/**
 * Loads one URL as fast as the machine allows, like wrk: {@code plan.users()} keep-alive HTTP/1.1
 * connections on a few event loops, each sending its next GET as soon as the previous response is
 * complete (a closed model: connections = concurrent requests). Latencies are recorded on the event
 * loops, each into its own histograms, and returned as the same {@link RunMeasurements} as
 * {@link LoadEngine}'s, so they convert to the same result file.
 *
 * <pre>{@code
 * LoadPlan plan = new LoadPlan(64, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(5));
 * EventLoopRun run = new EventLoopDriver(1).run(plan, URI.create("http://127.0.0.1:8080/hello"));
 * long requests = run.measurements().total().requestCount();
 * }</pre>
 *
 * <p>Bounded like the engine: no request starts after the measured phase; a request not answered
 * within {@code plan.requestTimeout()} counts as a {@code TIMEOUT} and its connection is replaced;
 * connections still open {@value #STOP_GRACE_MILLIS} ms after the last request may have timed out
 * are closed and the run is reported as aborted. Think time is not supported: this driver is for
 * saturating load.
 *
 * <p>Epoll is used where Netty's native library loads, NIO otherwise ({@link Transport#best()});
 * the choice is logged and returned with the run.
 */
public final class EventLoopDriver {

    /** Time after the last request may have timed out before open connections are closed. */
    public static final long STOP_GRACE_MILLIS = 1_000;

    /** Upper bound on event loops: more than the machine's cores only adds switching. */
    public static final int MAX_EVENT_LOOPS = 256;

    private static final long STOP_TIMEOUT_SECONDS = 5;

    private static final System.Logger LOG = System.getLogger(EventLoopDriver.class.getName());

    private final int eventLoops;
    private final int windows;

    /** A driver on {@code eventLoops} threads (1 to {@value #MAX_EVENT_LOOPS}), cutting the measured phase into 10 windows. */
    public EventLoopDriver(int eventLoops) {
        this(eventLoops, LoadEngine.DEFAULT_WINDOWS);
    }

    /**
     * A driver on {@code eventLoops} threads (1 to {@value #MAX_EVENT_LOOPS}) that cuts the measured
     * phase into {@code windows} windows (1 to 1,000) for the gate's per-window figures.
     */
    public EventLoopDriver(int eventLoops, int windows) {
        if (eventLoops < 1 || eventLoops > MAX_EVENT_LOOPS) {
            throw new IllegalArgumentException("eventLoops: " + eventLoops + " is out of range; use 1 to " + MAX_EVENT_LOOPS + ", e.g. 1");
        }
        this.eventLoops = eventLoops;
        this.windows = RunRecording.requireWindows(windows);
    }

    /**
     * Sends GET {@code url} on {@code plan.users()} connections as {@code plan} says.
     *
     * @throws IllegalArgumentException when {@code url} is not an http URL on loopback, or the plan has think time
     */
    public EventLoopRun run(LoadPlan plan, URI url) {
        return run(plan, url, 0);
    }

    /**
     * Sends GET {@code url} on {@code plan.users()} connections at {@code perSecond} requests per second
     * in all (the warm-up included), as wrk2 does: each connection sends on its own even schedule, a
     * request that could not go out when due (its connection still waiting for the last response) goes
     * as soon as it can and its latency is measured from when it was due. Requests due in the
     * measured phase but never sent are reported as dropped. {@code perSecond} 0 sends back to back.
     *
     * <pre>{@code
     * EventLoopRun run = new EventLoopDriver(1).run(new LoadPlan(64, Duration.ZERO, Duration.ofSeconds(10),
     *         Duration.ofSeconds(5)), URI.create("http://127.0.0.1:8080/hello"), 5_000);
     * }</pre>
     *
     * @throws IllegalArgumentException when {@code url} is not an http URL on loopback, the plan has think
     *         time, or the rate is negative or above {@link ArrivalSchedule#MAX_RATE_PER_SECOND}
     */
    public EventLoopRun run(LoadPlan plan, URI url, double perSecond) {
        LoopbackTarget.requirePlainHttp(url);
        if (!(perSecond >= 0) || perSecond > ArrivalSchedule.MAX_RATE_PER_SECOND) {
            throw new IllegalArgumentException("rate: " + perSecond + "/s is out of range; use 0 (back to back) to "
                    + (long) ArrivalSchedule.MAX_RATE_PER_SECOND + ", e.g. 5000");
        }
        if (!plan.thinkTime().mean().isZero()) {
            throw new IllegalArgumentException("thinkTime: " + plan.thinkTime().describe()
                    + " is not supported by the event-loop driver, which saturates; use LoadEngine for think time");
        }
        if (plan.iterationsPerUser() != 0) {
            throw new IllegalArgumentException("iterationsPerUser: " + plan.iterationsPerUser()
                    + " is not supported by the event-loop driver, whose connections run until the end; use LoadEngine for sessions");
        }
        InetSocketAddress target = resolve(url);
        EncodedRequest request = EncodedRequest.get(url);
        int loops = Math.min(eventLoops, plan.users());
        Transport transport = chooseTransport();
        EventLoopGroup group = transport.newEventLoops(loops, new DefaultThreadFactory("perfgate-loop", true));
        ByteBuf requestBytes = PooledByteBufAllocator.DEFAULT.directBuffer(request.bytes().length).writeBytes(request.bytes());
        try (GeneratorCpu cpu = new GeneratorCpu()) {
            RunMeasurements measurements = drive(plan, target, request.operation(), requestBytes, transport, group, loops, perSecond, cpu);
            return new EventLoopRun(measurements, transport, loops, cpu.result(measurements.total().requestCount()));
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            requestBytes.release();
        }
    }

    private RunMeasurements drive(LoadPlan plan, InetSocketAddress target, String operation, ByteBuf requestBytes,
            Transport transport, EventLoopGroup group, int loops, double perSecond, GeneratorCpu cpu) {
        RunRecording recording = new RunRecording(windows);
        List<EventLoop> eventLoops = eventLoopsOf(group, loops);
        List<RequestRecorder> recorders = new ArrayList<>();
        eventLoops.forEach(loop -> recorders.add(recording.newThreadRecorder()));
        CountDownLatch connectionsEnded = new CountDownLatch(plan.users());
        recording.start(System.nanoTime(), plan.warmUp(), plan.duration());
        cpu.measure(recording.measuredStartNanos(), recording.measuredEndNanos());
        long timeoutNanos = plan.requestTimeout().toNanos();
        int firstSlot = 0;
        for (int i = 0; i < loops; i++) {
            int slots = share(plan.users(), loops, i);
            Pacing pacing = perSecond > 0 ? new Pacing(recording.startNanos(), perSecond, slots, firstSlot, plan.users()) : null;
            firstSlot += slots;
            // The loop's execute() publishes the recording's phases to it.
            new LoopConnections(eventLoops.get(i), transport, target, slots, recorders.get(i),
                    operation, requestBytes, timeoutNanos, recording.measuredEndNanos(), connectionsEnded, pacing).start();
        }
        long deadline = recording.measuredEndNanos() + timeoutNanos + TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MILLIS);
        String abortReason = awaitConnections(connectionsEnded, deadline, plan.requestTimeout());
        if (!stop(group)) {
            // A loop that did not stop may still write to its figures: leave them all out.
            recorders.forEach(recording::leaveOut);
            abortReason = (abortReason == null ? "" : abortReason + "; ")
                    + "the event loops did not stop within " + STOP_TIMEOUT_SECONDS + "s; their figures are left out";
        }
        return recording.finish(abortReason, perSecond > 0 ? Math.round(perSecond * plan.duration().toNanos() / 1e9) : -1);
    }

    /** Waits for every connection to end by itself; the reason to abort the run, or {@code null} when all did. */
    private static String awaitConnections(CountDownLatch connectionsEnded, long deadlineNanos, Duration requestTimeout) {
        try {
            if (connectionsEnded.await(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                return null;
            }
            long waitedMillis = requestTimeout.toMillis() + STOP_GRACE_MILLIS;
            return connectionsEnded.getCount() + " connection(s) were still open " + waitedMillis
                    + " ms after the measured phase ended and were closed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "the run was interrupted";
        }
    }

    private static boolean stop(EventLoopGroup group) {
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        try {
            return group.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Transport chooseTransport() {
        Transport transport = Transport.best();
        if (transport == Transport.EPOLL) {
            LOG.log(Level.DEBUG, "event-loop driver: native epoll transport");
        } else {
            LOG.log(Level.INFO, "event-loop driver: epoll is not available here, using NIO ("
                    + Transport.epollUnavailability() + ")");
        }
        return transport;
    }

    private static List<EventLoop> eventLoopsOf(EventLoopGroup group, int loops) {
        List<EventLoop> eventLoops = new ArrayList<>(loops);
        Iterator<EventExecutor> executors = group.iterator();
        while (executors.hasNext()) {
            eventLoops.add((EventLoop) executors.next());
        }
        return eventLoops;
    }

    /** Connections of loop {@code index}: an even split, the first loops taking one more when it does not divide. */
    static int share(int connections, int loops, int index) {
        return connections / loops + (index < connections % loops ? 1 : 0);
    }

    private static InetSocketAddress resolve(URI url) {
        int port = url.getPort() < 0 ? 80 : url.getPort();
        try {
            return new InetSocketAddress(InetAddress.getByName(url.getHost()), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("load target '" + url + "': host " + url.getHost() + " cannot be resolved", e);
        }
    }
}
