package dev.perfgate.core.engine.eventloop;

import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import dev.perfgate.core.http.ErrorKind;

/**
 * One keep-alive connection's request loop, on its event loop: send, read the whole response,
 * record it, send again. A connection the server closes (or that fails or times out) is replaced by
 * {@link LoopConnections}. One handler per channel; all calls come from the channel's event loop.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {

    private final LoopConnections connections;
    private final int slot;
    private final ResponseParser parser = new ResponseParser();
    private Channel channel;
    private long requestStartNanos;
    private boolean inFlight;
    private boolean closed;

    /** @param slot this connection's place among its loop's connections, which a replacement takes over */
    ConnectionHandler(LoopConnections connections, int slot) {
        this.connections = connections;
        this.slot = slot;
    }

    int slot() {
        return slot;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        connections.opened(this);
        sendNext(System.nanoTime());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            if (!inFlight) {
                // Bytes nobody asked for (after a timeout, or a server talking out of turn): the
                // stream is out of step, so the connection cannot be trusted with another request.
                channel.close();
                return;
            }
            int outcome = parser.parse(in);
            if (outcome == ResponseParser.COMPLETE) {
                onResponse(in.isReadable());
            } else if (outcome == ResponseParser.MALFORMED) {
                fail(ErrorKind.CONNECTION);
            }
        } finally {
            in.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (inFlight) {
            inFlight = false;
            // A body without length or chunks ends with the connection; anything else was cut off.
            boolean whole = parser.endOfInput() == ResponseParser.COMPLETE;
            record(System.nanoTime(), whole ? ErrorKind.ofStatus(parser.status()) : ErrorKind.CONNECTION);
        }
        release();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (inFlight) {
            fail(ErrorKind.CONNECTION);
        } else {
            ctx.close();
        }
    }

    /** Fails the request in flight as a timeout when it started before {@code cutoffNanos}. */
    void timeOutIfStartedBefore(long cutoffNanos) {
        if (inFlight && requestStartNanos - cutoffNanos < 0) {
            fail(ErrorKind.TIMEOUT);
        }
    }

    /** The connection attempt failed: the channel never became active and no request was sent. */
    void connectFailed() {
        release();
    }

    /**
     * Sends the next request: at once, {@code now} being its start, or, at a paced rate, when it is
     * due (at once when it is already late, its latency counted from when it was due); or closes
     * the connection when the run is over. A paced request still unsent when the measured phase
     * ends is never sent: the run does not stretch to work off a backlog.
     */
    private void sendNext(long now) {
        if (connections.isOver(now)) {
            channel.close();
            return;
        }
        Pacing pacing = connections.pacing();
        if (pacing == null) {
            send(now);
            return;
        }
        long due = pacing.due(slot);
        if (connections.isOver(due)) {
            channel.close();
        } else if (due - now > 0) {
            channel.eventLoop().schedule(() -> sendIfStillOpen(due), due - now, TimeUnit.NANOSECONDS);
        } else {
            send(due);
        }
    }

    private void sendIfStillOpen(long due) {
        if (channel.isActive() && !inFlight) {
            send(due);
        }
    }

    private void send(long start) {
        Pacing pacing = connections.pacing();
        if (pacing != null) {
            pacing.advance(slot);
        }
        parser.reset();
        requestStartNanos = start;
        inFlight = true;
        channel.writeAndFlush(connections.request(), channel.voidPromise());
    }

    private void onResponse(boolean bytesLeftOver) {
        // One clock read ends this request and starts the next, and the next goes out before this
        // one is recorded: the server waits for nobody's bookkeeping.
        long now = System.nanoTime();
        long start = requestStartNanos;
        ErrorKind error = ErrorKind.ofStatus(parser.status());
        inFlight = false;
        if (parser.closesConnection() || bytesLeftOver) {
            channel.close();
        } else {
            sendNext(now);
        }
        connections.record(start, now - start, error);
    }

    private void fail(ErrorKind kind) {
        inFlight = false;
        record(System.nanoTime(), kind);
        channel.close();
    }

    private void record(long endNanos, ErrorKind error) {
        connections.record(requestStartNanos, endNanos - requestStartNanos, error);
    }

    /** Hands the connection's place back exactly once, however the channel ended. */
    private void release() {
        if (!closed) {
            closed = true;
            connections.closed(this);
        }
    }
}
