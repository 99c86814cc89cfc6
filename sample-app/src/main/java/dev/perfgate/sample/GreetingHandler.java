package dev.perfgate.sample;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** {@code GET /api/greeting?name=ada} answers {@code {"greeting":"Hello, ada!"}}. */
final class GreetingHandler implements HttpHandler {

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            JsonResponses.send(exchange, 405, "{\"error\":\"use GET\"}");
            return;
        }
        String name = JsonResponses.query(exchange).getOrDefault("name", "world");
        JsonResponses.send(exchange, 200, "{\"greeting\":" + JsonResponses.quote("Hello, " + name + "!") + "}");
    }
}
