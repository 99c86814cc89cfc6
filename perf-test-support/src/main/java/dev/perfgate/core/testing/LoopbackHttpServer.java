package dev.perfgate.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * The JDK's HTTP server on 127.0.0.1 (a free port), counting the requests it answered.
 *
 * <pre>{@code
 * try (LoopbackHttpServer server = LoopbackHttpServer.start()) {
 *     server.answer("/ok", 200, "ok");
 *     URI url = server.url("/ok");
 * }
 * }</pre>
 *
 * It writes headers and body apart without TCP_NODELAY, so a client that delays its ACKs sees
 * 40 ms added to responses: fine for counting, not for timing.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;
    private final AtomicLong answered = new AtomicLong();

    private LoopbackHttpServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** A started server with no routes. */
    public static LoopbackHttpServer start() throws IOException {
        return started(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    /** A started https server with no routes, presenting {@code certificate}; {@link #url} gives https URIs. */
    public static LoopbackHttpServer startTls(TestCertificate certificate) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.server()));
        return started(server);
    }

    private static LoopbackHttpServer started(HttpServer server) {
        ExecutorService threads = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "test-http-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.start();
        return new LoopbackHttpServer(server, threads);
    }

    /** Answers {@code path} with {@code status} and {@code body}, counting each answer. */
    public LoopbackHttpServer answer(String path, int status, String body) {
        return route(path, exchange -> respond(exchange, status, body));
    }

    /** Lets {@code handler} answer {@code path}; it calls {@link #respond} or counts with {@link #countAnswer}. */
    public LoopbackHttpServer route(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    /** Sends {@code status} and {@code body} with its length, and counts the answer. */
    public void respond(HttpExchange exchange, int status, String body) throws IOException {
        countAnswer();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Counts an answer a {@link #route} handler writes itself. */
    public void countAnswer() {
        answered.incrementAndGet();
    }

    /** Requests answered so far. */
    public long answered() {
        return answered.get();
    }

    /** {@code path} on this server, e.g. {@code http://127.0.0.1:41234/ok}. */
    public URI url(String path) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
