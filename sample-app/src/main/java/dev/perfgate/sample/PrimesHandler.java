package dev.perfgate.sample;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** {@code GET /api/primes?limit=N} counts the primes below N (2 to 1,000,000) with a sieve. */
final class PrimesHandler implements HttpHandler {

    static final int MAX_LIMIT = 1_000_000;

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String raw = JsonResponses.query(exchange).getOrDefault("limit", "10000");
        int limit;
        try {
            limit = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 2 || limit > MAX_LIMIT) {
            JsonResponses.send(exchange, 400, "{\"error\":" + JsonResponses.quote("limit must be 2 to " + MAX_LIMIT) + "}");
            return;
        }
        JsonResponses.send(exchange, 200, "{\"limit\":" + limit + ",\"primes\":" + countPrimesBelow(limit) + "}");
    }

    static int countPrimesBelow(int limit) {
        boolean[] composite = new boolean[limit];
        int count = 0;
        for (int i = 2; i < limit; i++) {
            if (!composite[i]) {
                count++;
                for (long j = (long) i * i; j < limit; j += i) {
                    composite[(int) j] = true;
                }
            }
        }
        return count;
    }
}
