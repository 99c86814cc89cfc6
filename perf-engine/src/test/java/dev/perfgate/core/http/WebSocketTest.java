package dev.perfgate.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The WebSocket client against a server built on Netty's WebSocket codec ({@link NettyWebSocketServer}). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebSocketTest {

    private NettyWebSocketServer server;
    private final List<String> recorded = new ArrayList<>();
    private final List<Long> latencies = new ArrayList<>();

    @BeforeEach
    void startServer() throws InterruptedException {
        server = new NettyWebSocketServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private UserHttp http(Duration timeout) {
        return new UserHttp(new SocketTransport(server.uri()), server.uri(), timeout, (operation, start, latency, error) -> {
            recorded.add(operation + " " + error);
            latencies.add(latency);
        });
    }

    @Test
    void aRoundTripAndAStreamAreRecordedPerMessageWithTheUsersHeaders() {
        UserHttp http = http(Duration.ofSeconds(5));
        http.withHeader("Authorization", "Bearer t0ken");

        try (WebSocket chat = http.websocket("chat", "/ws/chat?room=1")) {
            assertThat(chat.exchange("echo:hello")).isEqualTo(new WebSocket.Message("hello", null));
            assertThat(chat.send("stream:3").ok()).isTrue();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                tokens.add(chat.receive().text());
            }
            assertThat(tokens).containsExactly("token 0", "token 1", "token 2");
            assertThat(chat.isOpen()).isTrue();
        }

        assertThat(recorded).containsExactly("chat open null", "chat null", "chat receive null", "chat receive null",
                "chat receive null");
        assertThat(server.authorizations).containsExactly("Bearer t0ken");
        assertThat(latencies).allSatisfy(latency -> assertThat(latency).isPositive());
    }

    @Test
    void messagesOfEveryLengthFormAndInFragmentsArriveWhole() {
        try (WebSocket socket = http(Duration.ofSeconds(5)).websocket("big", "/ws")) {
            for (int length : new int[] {0, 125, 126, 300, 65_535, 65_536, 200_000}) {
                assertThat(socket.exchange("big:" + length).text()).as("%d bytes", length).hasSize(length).matches("x*");
            }
            assertThat(socket.exchange("fragmented").text()).isEqualTo("one two three");
            // 80,000 bytes of UTF-8 out: the client's longest length form, masked
            assertThat(socket.exchange("echo:" + "é".repeat(40_000)).text()).hasSize(40_000).matches("é*");
        }
        assertThat(recorded).doesNotContain("big CONNECTION").allMatch(entry -> entry.endsWith(" null"));
    }

    @Test
    void theServersPingIsAnsweredWithItsPayload() {
        try (WebSocket socket = http(Duration.ofSeconds(5)).websocket("ping", "/ws")) {
            socket.send("ping");

            assertThat(socket.receive().text()).isEqualTo("pong p");
        }
    }

    @Test
    void aCloseFromTheServerIsAConnectionErrorAndLaterCallsFailAtOnce() {
        try (WebSocket socket = http(Duration.ofSeconds(5)).websocket("chat", "/ws")) {
            assertThat(socket.exchange("close").error()).isEqualTo(ErrorKind.CONNECTION);
            assertThat(socket.isOpen()).isFalse();

            long start = System.nanoTime();
            assertThat(socket.receive().error()).isEqualTo(ErrorKind.CONNECTION);
            assertThat(socket.send("echo:x").error()).isEqualTo(ErrorKind.CONNECTION);
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MILLISECONDS.toNanos(500));
        }
        assertThat(recorded).containsExactly("chat open null", "chat CONNECTION", "chat receive CONNECTION", "chat CONNECTION");
    }

    @Test
    void noMessageWithinTheRequestTimeoutIsATimeout() {
        try (WebSocket socket = http(Duration.ofMillis(300)).websocket("quiet", "/ws")) {
            WebSocket.Message none = socket.exchange("silent");

            assertThat(none.error()).isEqualTo(ErrorKind.TIMEOUT);
        }
        assertThat(recorded).containsExactly("quiet open null", "quiet TIMEOUT");
        assertThat(latencies.get(1)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
    }

    @Test
    void aRefusedOrPlainHandshakeIsRecordedByKindAndTheSocketFails() {
        UserHttp http = http(Duration.ofSeconds(5));

        WebSocket forbidden = http.websocket("admin", "/forbidden");
        WebSocket plain = http.websocket("plain", "/plain");

        assertThat(forbidden.isOpen()).isFalse();
        assertThat(plain.isOpen()).isFalse();
        assertThat(forbidden.exchange("echo:x").error()).isEqualTo(ErrorKind.CONNECTION);
        assertThat(recorded).containsExactly("admin open HTTP_4XX", "plain open CONNECTION", "admin CONNECTION");
    }

    @Test
    void theUsersCloseSendsANormalClosureAndClosesSocketsLeftOpen() throws InterruptedException {
        UserHttp http = http(Duration.ofSeconds(5));
        try (WebSocket closed = http.websocket("a", "/ws")) {
            closed.exchange("echo:x");
        }
        WebSocket leftOpen = http.websocket("b", "/ws");
        leftOpen.exchange("echo:y");

        http.close();

        assertThat(leftOpen.isOpen()).isFalse();
        assertThat(server.openAfterClientsClose()).isZero();
        assertThat(server.closeCodes).contains(1000);
    }

    @Test
    void aPathThatLeavesTheTargetIsRefusedBeforeAnyConnection() {
        assertThatThrownBy(() -> http(Duration.ofSeconds(5)).websocket("away", "//192.0.2.1/ws"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with one '/'");
        assertThat(server.open).hasValue(0);
    }
}
