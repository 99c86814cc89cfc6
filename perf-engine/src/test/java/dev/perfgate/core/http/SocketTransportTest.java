package dev.perfgate.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @Test
    void headersKeepEveryValueUnderNamesOfAnyCase() throws IOException {
        String answer = "HTTP/1.1 200 OK\r\nX-Seen: one\r\nx-seen:  two \r\nContent-Type: text/plain\r\ncontent-length: 2\r\n\r\nok";
        try (RawHttpServer raw = RawHttpServer.answering(answer, false)) {
            Response response = httpTo(raw.uri("/"), Duration.ofSeconds(5)).get("get", "/x");

            assertThat(response.body()).isEqualTo("ok");
            assertThat(response.headers().get("X-SEEN")).containsExactly("one", "two");
            assertThat(response.header("Content-Type")).contains("text/plain");
            assertThat(response.headers()).containsOnlyKeys("X-Seen", "Content-Type", "content-length");
            assertThat(response).isEqualTo(new Response(200, "ok", null, Map.of("X-Seen", List.of("one", "two"),
                    "Content-Type", List.of("text/plain"), "Content-Length", List.of("2"))));
        }
    }

    @Test
    void theBodyIsDecodedInTheCharsetTheAnswerNames() throws IOException {
        // \u00e9 is one byte in ISO-8859-1: read as UTF-8 it would be a replacement character.
        String answer = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=ISO-8859-1\r\nContent-Length: 4\r\n\r\ncaf\u00e9";
        try (RawHttpServer raw = RawHttpServer.answering(answer, false)) {
            Http http = httpTo(raw.uri("/"), Duration.ofSeconds(5));

            assertThat(http.get("one", "/x").body()).isEqualTo("caf\u00e9");
            assertThat(http.get("two", "/x").body()).isEqualTo("caf\u00e9");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 200 OK\r\nConnection: keep-alive, Close\r\nContent-Length: 2\r\n\r\nok",
            "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok"})
    void anAnswerThatEndsTheConnectionIsFollowedByANewOne(String answer) throws IOException {
        try (RawHttpServer raw = RawHttpServer.answering(answer, false)) {
            Http http = httpTo(raw.uri("/"), Duration.ofSeconds(5));

            assertThat(http.get("one", "/x").body()).isEqualTo("ok");
            assertThat(http.get("two", "/x").body()).isEqualTo("ok");
            assertThat(raw.connections()).isEqualTo(2);
            assertThat(recorded).containsExactly("one null", "two null");
        }
    }

    @Test
    void headersAndBodiesLongerThanOneReadArriveWhole() throws IOException {
        String cookie = "c".repeat(20_000);
        String body = "b".repeat(30_000);
        String answer = "HTTP/1.1 200 OK\r\nX-Long: " + cookie + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        try (RawHttpServer raw = RawHttpServer.answering(answer, false)) {
            Http http = httpTo(raw.uri("/"), Duration.ofSeconds(5));

            for (int i = 0; i < 3; i++) {
                Response response = http.get("get", "/x");
                assertThat(response.body()).isEqualTo(body);
                assertThat(response.header("x-long")).contains(cookie);
            }
            assertThat(raw.connections()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 200 OK\r\nContent-Length: 2x\r\n\r\nok", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\nok",
            "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n", "HTTP/1.1 20 OK\r\n\r\n", "HTTP/1.1\r\n\r\n"})
    void anAnswerThatCannotBeFramedIsAConnectionError(String answer) throws IOException {
        try (RawHttpServer raw = RawHttpServer.answering(answer, true)) {
            Response response = httpTo(raw.uri("/"), Duration.ofSeconds(2)).get("get", "/x");

            assertThat(response.error()).isEqualTo(ErrorKind.CONNECTION);
            assertThat(recorded).containsExactly("get " + ErrorKind.CONNECTION);
        }
    }
}
