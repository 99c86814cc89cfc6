package dev.perfgate.core.engine.eventloop;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;

import dev.perfgate.core.http.ErrorKind;
import dev.perfgate.core.http.RequestRecorder;

/**
 * The connections one event loop drives, and that loop's figures. Keeps {@code connections} open
 * until the measured phase ends (a closed connection is replaced at once, a failed connect after
 * {@link #RECONNECT_PAUSE_NANOS}) and sweeps them for timed-out requests. Everything but
 * {@link #start} runs on the loop, so the recorder needs no lock.
 */
final class LoopConnections {

    /** Pause after a failed connect, so that a refused port does not spin the loop. */
    static final long RECONNECT_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final int connections;
    private final RequestRecorder recorder;
    private final String operation;
    private final ByteBuf request;
    private final long timeoutNanos;
    private final long measuredEndNanos;
    private final CountDownLatch connectionsEnded;
    private final List<ConnectionHandler> open = new ArrayList<>();
    private final Pacing pacing;

    /**
     * @param connectionsEnded counted down once for each of this loop's connections when it ends
     *                         for good, after the measured phase
     * @param pacing           the constant-rate schedule of this loop's connections, or {@code null}
     *                         to send each request as soon as the last one ended
     */
    LoopConnections(EventLoop loop, Transport transport, InetSocketAddress target, int connections, RequestRecorder recorder,
            String operation, ByteBuf request, long timeoutNanos, long measuredEndNanos, CountDownLatch connectionsEnded,
            Pacing pacing) {
        this.pacing = pacing;
        this.loop = loop;
        this.connections = connections;
        this.recorder = recorder;
        this.operation = operation;
        this.request = request;
        this.timeoutNanos = timeoutNanos;
        this.measuredEndNanos = measuredEndNanos;
        this.connectionsEnded = connectionsEnded;
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(transport.socketChannel())
                .remoteAddress(target)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)));
    }

    /** Opens the connections and starts the timeout sweep, on the loop. */
    void start() {
        loop.execute(() -> {
            for (int i = 0; i < connections; i++) {
                connect(i);
            }
            long sweepNanos = sweepPeriodNanos(timeoutNanos);
            loop.scheduleAtFixedRate(this::sweepTimeouts, sweepNanos, sweepNanos, TimeUnit.NANOSECONDS);
        });
    }

    /**
     * How often requests are checked for their timeout: a twentieth of it, between 1 ms and 100 ms.
     * A timeout is noticed at most this late; it is counted, not timed, so that costs no accuracy.
     */
    static long sweepPeriodNanos(long timeoutNanos) {
        return Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(TimeUnit.MILLISECONDS.toNanos(100), timeoutNanos / 20));
    }

    /** The constant-rate schedule, or {@code null} when requests go out back to back. */
    Pacing pacing() {
        return pacing;
    }

    boolean isOver(long nowNanos) {
        return nowNanos - measuredEndNanos >= 0;
    }

    /** The request to write: a duplicate of the encoded bytes that the write releases. */
    ByteBuf request() {
        return request.retainedDuplicate();
    }

    void record(long startNanos, long latencyNanos, ErrorKind error) {
        recorder.record(operation, startNanos, latencyNanos, error);
    }

    RequestRecorder recorder() {
        return recorder;
    }

    void opened(ConnectionHandler connection) {
        open.add(connection);
    }

    /** A connection ended (or never opened): replace it while the run goes on, else count it as ended. */
    void closed(ConnectionHandler connection) {
        open.remove(connection);
        connect(connection.slot());
    }

    private void connect(int slot) {
        long start = System.nanoTime();
        if (isOver(start)) {
            connectionsEnded.countDown();
            return;
        }
        ConnectionHandler handler = new ConnectionHandler(this, slot);
        ChannelFuture connecting = bootstrap.handler(handler).connect();
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                connectFailed(handler, start, done.cause());
            }
        });
    }

    private void connectFailed(ConnectionHandler handler, long start, Throwable cause) {
        // Counted as a failed request, so that a run against a closed port shows its errors rather than nothing.
        ErrorKind kind = cause instanceof ConnectTimeoutException ? ErrorKind.TIMEOUT : ErrorKind.CONNECTION;
        record(start, System.nanoTime() - start, kind);
        loop.schedule(handler::connectFailed, RECONNECT_PAUSE_NANOS, TimeUnit.NANOSECONDS);
    }

    private void sweepTimeouts() {
        long cutoff = System.nanoTime() - timeoutNanos;
        // Backwards: a timed-out connection may leave the list while it is being walked.
        for (int i = open.size() - 1; i >= 0; i--) {
            if (i < open.size()) {
                open.get(i).timeOutIfStartedBefore(cutoff);
            }
        }
    }
}
