package dev.perfgate.it.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * GET /health and GET /api/items/{id}. Each item lookup waits WORK_DELAY_MS milliseconds (default 5),
 * standing for a database or downstream call: raising it is the regression the ITs must catch.
 */
public final class DemoService {

    public static void main(String[] args) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        long delayMillis = Long.parseLong(System.getenv().getOrDefault("WORK_DELAY_MS", "5"));
        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 128);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/health", exchange -> send(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/api/items/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/api/items/".length());
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, "{\"id\":\"" + id.replaceAll("[^A-Za-z0-9-]", "") + "\"}");
        });
        server.start();
        System.out.println("demo-service on 8080, WORK_DELAY_MS=" + delayMillis);
    }

    private static void send(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
