package dev.perfgate.core.engine.eventloop;

import java.util.concurrent.ThreadFactory;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * How the event loops talk to the kernel: Linux's epoll through Netty's native library where it
 * loads (fewer system calls and no selector garbage), the JDK's NIO everywhere else.
 *
 * <pre>{@code
 * Transport t = Transport.best();           // EPOLL on Linux x86-64, else NIO
 * if (t == Transport.NIO) log(Transport.epollUnavailability());
 * }</pre>
 */
public enum Transport {
    /** Netty's native epoll transport (Linux x86-64). */
    EPOLL("epoll"),
    /** The JDK's NIO selector. */
    NIO("nio");

    private final String label;

    Transport(String label) {
        this.label = label;
    }

    /** The name printed and recorded for the run, e.g. {@code "epoll"}. */
    public String label() {
        return label;
    }

    /** Epoll when its native library loads on this machine, NIO otherwise. */
    public static Transport best() {
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    /** Why epoll is not available here, or {@code null} when it is. */
    public static Throwable epollUnavailability() {
        return Epoll.unavailabilityCause();
    }

    EventLoopGroup newEventLoops(int threads, ThreadFactory threadFactory) {
        return new MultiThreadIoEventLoopGroup(threads, threadFactory, ioHandlers());
    }

    Class<? extends SocketChannel> socketChannel() {
        return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    private IoHandlerFactory ioHandlers() {
        return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }
}
