package dev.perfgate.sample;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A small JSON service: {@code GET /health}, {@code GET /api/greeting?name=}, and
 * {@code GET /api/primes?limit=} (CPU-bound work, so that a load test has something to measure).
 * Listens on {@code PORT} (default 8080) with {@code WORKERS} request threads (default 16).
 */
public final class SampleApp implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers;

    private SampleApp(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Starts the service on {@code port} (0 for any free port). */
    public static SampleApp start(int port, int workerThreads) throws IOException {
        // Without TCP_NODELAY the JDK server writes headers and body in two segments, and Nagle's
        // algorithm with the client's delayed ACK adds ~40 ms to every response.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 128);
        ExecutorService workers = Executors.newFixedThreadPool(workerThreads);
        server.setExecutor(workers);
        server.createContext("/health", exchange -> JsonResponses.send(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/api/greeting", new GreetingHandler());
        server.createContext("/api/primes", new PrimesHandler());
        server.start();
        return new SampleApp(server, workers);
    }

    /** The port the service listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        int workers = Integer.parseInt(System.getenv().getOrDefault("WORKERS", "16"));
        SampleApp app = start(port, workers);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        System.out.println("sample-app listening on port " + app.port());
    }
}
