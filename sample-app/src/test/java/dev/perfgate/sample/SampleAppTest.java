package dev.perfgate.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleAppTest {

    private static SampleApp app;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        app = SampleApp.start(0, 2);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void healthAnswersUp() throws Exception {
        HttpResponse<String> response = get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void greetsByNameWithJsonEscaping() throws Exception {
        HttpResponse<String> response = get("/api/greeting?name=a%22b");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).isEqualTo("{\"greeting\":\"Hello, a\\\"b!\"}");
    }

    @Test
    void countsPrimes() throws Exception {
        assertThat(get("/api/primes?limit=100").body()).isEqualTo("{\"limit\":100,\"primes\":25}");
        assertThat(PrimesHandler.countPrimesBelow(1_000_000)).isEqualTo(78_498);
    }

    @Test
    void rejectsABadLimit() throws Exception {
        assertThat(get("/api/primes?limit=abc").statusCode()).isEqualTo(400);
        assertThat(get("/api/primes?limit=" + (PrimesHandler.MAX_LIMIT + 1)).statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
