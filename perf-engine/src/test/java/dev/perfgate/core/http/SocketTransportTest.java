package dev.perfgate.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.testing.RawHttpServer;

/** The request API over a connection per user, and what only a raw server can show of it. */
class SocketTransportTest extends HttpContract {

    private final List<String> recorded = new ArrayList<>();

    @Override
    HttpTransport transport(URI target) {
        return new SocketTransport(target);
    }

    private Http httpTo(URI target, Duration timeout) {
        return new UserHttp(new SocketTransport(target), target, timeout,
                (operation, start, latency, error) -> recorded.add(operation + " " + error));
    }

    @Test
    void requestsOfAUserShareOneKeepAliveConnection() throws IOException {
        try (RawHttpServer raw = RawHttpServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", false)) {
            Http http = httpTo(raw.uri("/"), Duration.ofSeconds(5));
            for (int i = 0; i < 10; i++) {
                assertThat(http.get("get", "/x").body()).isEqualTo("ok");
            }
            assertThat(raw.answered()).isEqualTo(10);
            assertThat(raw.connections()).isEqualTo(1);
        }
    }

    @Test
    void chunkedBodiesAreJoinedAndTheConnectionKept() throws IOException {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "5\r\nhello\r\n6;name=value\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n";
        try (RawHttpServer raw = RawHttpServer.answering(chunked, false)) {
            Http http = httpTo(raw.uri("/"), Duration.ofSeconds(5));

            assertThat(http.get("one", "/x").body()).isEqualTo("hello world");
            assertThat(http.get("two", "/x").body()).isEqualTo("hello world");
            assertThat(raw.connections()).isEqualTo(1);
            assertThat(recorded).containsExactly("one null", "two null");
        }
    }

    @Test
    void aBodyThatEndsWithTheConnectionIsReadToTheEndAndTheNextRequestConnectsAgain() throws IOException {
        try (RawHttpServer raw = RawHttpServer.answering("HTTP/1.1 200 OK\r\n\r\nuntil the close", true)) {
            Http http = httpTo(raw.uri("/"), Duration.ofSeconds(5));

            assertThat(http.get("one", "/x").body()).isEqualTo("until the close");
            assertThat(http.get("two", "/x").body()).isEqualTo("until the close");
            assertThat(raw.connections()).isEqualTo(2);
        }
    }

    @Test
    void aKeepAliveConnectionTheServerClosedIsReplacedWithoutAnError() throws IOException {
        // The server closes after each answer without saying so, as an idle timeout does between requests.
        try (RawHttpServer raw = RawHttpServer.answering("HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok", true)) {
            Http http = httpTo(raw.uri("/"), Duration.ofSeconds(5));

            for (int i = 0; i < 3; i++) {
                assertThat(http.post("create", "/x", "{}").status()).isEqualTo(201);
            }
            assertThat(recorded).containsExactly("create null", "create null", "create null");
            assertThat(raw.answered()).isEqualTo(3);
        }
    }

    @Test
    void interimAnswersAreSkipped() throws IOException {
        try (RawHttpServer raw = RawHttpServer.answering(
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n\r\nbusy", false)) {
            Response response = httpTo(raw.uri("/"), Duration.ofSeconds(5)).get("get", "/x");

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.body()).isEqualTo("busy");
            assertThat(recorded).containsExactly("get " + ErrorKind.HTTP_5XX);
        }
    }

    @Test
    void noAnswerWithinTheTimeoutIsATimeoutAtTheTimeout() throws IOException {
        try (RawHttpServer silent = RawHttpServer.neverAnswering()) {
            long start = System.nanoTime();
            Response response = httpTo(silent.uri("/"), Duration.ofMillis(300)).get("get", "/x");
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(response.error()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(recorded).containsExactly("get " + ErrorKind.TIMEOUT);
            assertThat(tookMillis).isBetween(290L, 5_000L);
        }
    }

    @Test
    void aClosedPortIsAConnectionError() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Response response = httpTo(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2)).get("get", "/x");

        assertThat(response.error()).isEqualTo(ErrorKind.CONNECTION);
        assertThat(recorded).containsExactly("get " + ErrorKind.CONNECTION);
    }

    @Test
    void anAnswerThatIsNotHttpIsAConnectionError() throws IOException {
        try (RawHttpServer raw = RawHttpServer.answering("SSH-2.0-OpenSSH\r\n\r\n", true)) {
            Response response = httpTo(raw.uri("/"), Duration.ofSeconds(2)).get("get", "/x");

            assertThat(response.error()).isEqualTo(ErrorKind.CONNECTION);
        }
    }
}
