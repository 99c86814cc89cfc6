package dev.perfgate.core.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK's HTTP server on 127.0.0.1 with a thread per concurrent request, for engine tests. Nagle's
 * algorithm is off ({@code sun.net.httpserver.nodelay}, also set by the build), else responses may
 * wait ~40 ms for a delayed ACK.
 */
final class TestHttpServer implements AutoCloseable {

    static {
        // Read once, when the JDK server's configuration class loads: before the first server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;

    private TestHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-http-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
    }

    /** A started server with no handlers yet. */
    static TestHttpServer start() throws IOException {
        TestHttpServer started = new TestHttpServer();
        started.server.start();
        return started;
    }

    /** Serves {@code path} (and below) with {@code handler}. */
    TestHttpServer handle(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    /** {@code http://127.0.0.1:<port>}. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Answers {@code status} with {@code body}. */
    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** What a handler waits for before it answers; may be interrupted when the server stops. */
    @FunctionalInterface
    interface Wait {
        void await() throws InterruptedException;
    }

    /** A handler that waits as {@code wait} says, then answers 200; gives up quietly when interrupted or the client is gone. */
    static HttpHandler answeringAfter(Wait wait) {
        return exchange -> {
            try {
                wait.await();
                respond(exchange, 200, "late");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.close();
            } catch (IOException clientGone) {
                exchange.close();
            }
        };
    }

    /** A handler that sleeps {@code millis}, then answers 200. */
    static HttpHandler delayed(long millis) {
        return answeringAfter(() -> Thread.sleep(millis));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
