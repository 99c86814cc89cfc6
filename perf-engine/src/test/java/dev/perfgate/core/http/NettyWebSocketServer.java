package dev.perfgate.core.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * A WebSocket server on 127.0.0.1 built on Netty's codec, so that the engine's client meets an
 * implementation it shares nothing with. On {@code /ws...} it reads text commands:
 * {@code echo:TEXT} answers TEXT; {@code stream:N} answers N messages "token 0".."token N-1";
 * {@code big:N} answers N bytes of 'x'; {@code fragmented} answers "one two three" in three frames;
 * {@code ping} pings with "p" and, when the pong comes back, answers "pong p"; {@code close} closes
 * with 1001; {@code silent} answers nothing. {@code /forbidden} answers 403, {@code /plain} a plain 200.
 */
public final class NettyWebSocketServer implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel listener;
    /** Connections open now, WebSocket or not. */
    public final AtomicInteger open = new AtomicInteger();
    /** The Authorization header of each handshake, in order. */
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** Close codes the clients sent. */
    final List<Integer> closeCodes = new CopyOnWriteArrayList<>();

    public NettyWebSocketServer() throws InterruptedException {
        WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/ws").checkStartsWith(true).dropPongFrames(false).handleCloseFrames(false)
                .decoderConfig(WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(1 << 20).build())
                .build();
        listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        open.incrementAndGet();
                        channel.closeFuture().addListener(closed -> open.decrementAndGet());
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new PlainPaths(),
                                new WebSocketServerProtocolHandler(config), new Commands());
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    /**
     * Connections still open once the server has seen the clients' closes, waiting up to two seconds:
     * a client's close reaches the server's event loop a moment after the client returns.
     */
    public int openAfterClientsClose() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (open.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return open.get();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) listener.localAddress()).getPort());
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Answers the paths that are not WebSockets; passes the rest on. */
    private static final class PlainPaths extends SimpleChannelInboundHandler<FullHttpRequest> {
        PlainPaths() {
            super(false);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
            HttpResponseStatus status = request.uri().startsWith("/forbidden") ? HttpResponseStatus.FORBIDDEN
                    : request.uri().startsWith("/plain") ? HttpResponseStatus.OK : null;
            if (status == null) {
                context.fireChannelRead(request);
                return;
            }
            request.release();
            DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.copiedBuffer("no websocket here", StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            context.writeAndFlush(response);
        }
    }

    /** The commands above, once the handshake is done. */
    private final class Commands extends SimpleChannelInboundHandler<WebSocketFrame> {

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
                authorizations.add(String.valueOf(handshake.requestHeaders().get(HttpHeaderNames.AUTHORIZATION)));
            }
            super.userEventTriggered(context, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
            if (frame instanceof PongWebSocketFrame pong) {
                context.writeAndFlush(new TextWebSocketFrame("pong " + pong.content().toString(StandardCharsets.UTF_8)));
                return;
            }
            if (frame instanceof CloseWebSocketFrame close) {
                closeCodes.add(close.statusCode());
                context.close();
                return;
            }
            if (!(frame instanceof TextWebSocketFrame text)) {
                return;
            }
            String command = text.text();
            if (command.startsWith("echo:")) {
                context.writeAndFlush(new TextWebSocketFrame(command.substring(5)));
            } else if (command.startsWith("stream:")) {
                int count = Integer.parseInt(command.substring(7));
                for (int i = 0; i < count; i++) {
                    context.write(new TextWebSocketFrame("token " + i));
                }
                context.flush();
            } else if (command.startsWith("big:")) {
                context.writeAndFlush(new TextWebSocketFrame("x".repeat(Integer.parseInt(command.substring(4)))));
            } else if (command.equals("fragmented")) {
                context.write(new TextWebSocketFrame(false, 0, "one "));
                context.write(new ContinuationWebSocketFrame(false, 0, "two "));
                context.writeAndFlush(new ContinuationWebSocketFrame(true, 0, "three"));
            } else if (command.equals("ping")) {
                context.writeAndFlush(new PingWebSocketFrame(Unpooled.copiedBuffer("p", StandardCharsets.UTF_8)));
            } else if (command.equals("close")) {
                context.writeAndFlush(new CloseWebSocketFrame(1001, "going away"));
            }
        }
    }
}
