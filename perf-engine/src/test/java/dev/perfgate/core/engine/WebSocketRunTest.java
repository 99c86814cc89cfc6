package dev.perfgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.perfgate.core.http.NettyWebSocketServer;
import dev.perfgate.core.http.WebSocket;

/** WebSocket scenarios run by the engine: each message is a recorded operation of the run, in both models. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebSocketRunTest {

    private NettyWebSocketServer server;

    @BeforeEach
    void startServer() throws InterruptedException {
        server = new NettyWebSocketServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** A chat: open, one round trip, a stream of three, closed by the scenario. */
    private static final Scenario CHAT = user -> {
        try (WebSocket chat = user.http().websocket("chat", "/ws/chat")) {
            chat.exchange("echo:hi");
            chat.send("stream:3");
            for (int i = 0; i < 3; i++) {
                chat.receive();
            }
        }
    };

    @Test
    void aClosedRunRecordsTheHandshakeTheRoundTripAndEachStreamedMessage() throws InterruptedException {
        LoadPlan plan = new LoadPlan(2, Duration.ZERO, Duration.ofMillis(600), Duration.ofSeconds(2));

        RunMeasurements m = new LoadEngine().run(plan, server.uri(), CHAT);

        // the iterations running at the end of the measured phase count only what they did before it
        long opens = m.operation("chat open").orElseThrow().requestCount();
        assertThat(opens).isPositive();
        assertThat(m.operation("chat").orElseThrow().requestCount()).isBetween(opens - plan.users(), opens);
        assertThat(m.operation("chat receive").orElseThrow().requestCount()).isBetween(3 * (opens - plan.users()), 3 * opens);
        assertThat(m.total().errorCount()).isZero();
        assertThat(server.openAfterClientsClose()).as("sockets left open after the run").isZero();
    }

    @Test
    void anOpenRunTimesEachChatFromItsArrival() {
        OpenLoadPlan plan = OpenLoadPlan.of(ArrivalSchedule.constant(20, Duration.ofMillis(500))).withRequestTimeout(Duration.ofSeconds(2));

        RunMeasurements m = new LoadEngine().run(plan, server.uri(), CHAT);

        assertThat(m.scheduledIterations()).isEqualTo(10);
        assertThat(m.operation("chat open").orElseThrow().requestCount()).isEqualTo(10);
        assertThat(m.operation("chat receive").orElseThrow().requestCount()).isEqualTo(30);
        assertThat(m.total().errorCount()).isZero();
    }
}
