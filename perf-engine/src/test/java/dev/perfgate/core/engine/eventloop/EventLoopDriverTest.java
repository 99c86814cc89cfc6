package dev.perfgate.core.engine.eventloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.perfgate.core.http.ErrorKind;
import dev.perfgate.core.engine.ResultOfRun;
import dev.perfgate.core.testing.RawHttpServer;
import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.OperationStats;
import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.engine.WindowSeries;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.RunEnvironment;
import dev.perfgate.core.testing.LoopbackHttpServer;

/** The event-loop driver against servers on loopback. Each run is at most about a second of load. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class EventLoopDriverTest {

    private static final Duration SERVER_DELAY = Duration.ofMillis(20);

    private LoopbackHttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = LoopbackHttpServer.start()
                .answer("/ok", 200, "ok")
                .answer("/fail", 503, "unavailable")
                .answer("/missing", 404, "no such thing");
        server.route("/chunked", exchange -> {
            server.countAnswer();
            exchange.sendResponseHeaders(200, 0); // length 0: the JDK server sends the body chunked
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("first chunk, ".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("second chunk".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.route("/close", exchange -> {
            exchange.getResponseHeaders().set("Connection", "close");
            server.respond(exchange, 200, "bye");
        });
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private URI url(String path) {
        return server.url(path);
    }

    private static LoadPlan plan(int connections, long warmUpMillis, long durationMillis, long timeoutMillis) {
        return new LoadPlan(connections, Duration.ofMillis(warmUpMillis), Duration.ofMillis(durationMillis),
                Duration.ofMillis(timeoutMillis));
    }

    private static EventLoopRun run(LoadPlan plan, URI url) {
        return new EventLoopDriver(1).run(plan, url);
    }

    @Test
    void recordsExactlyTheRequestsTheServerAnsweredWhenThereIsNoWarmUp() {
        RunMeasurements m = run(plan(4, 0, 500, 2_000), url("/ok")).measurements();

        OperationStats ok = m.operation("GET /ok").orElseThrow();
        assertThat(m.completed()).isTrue();
        assertThat(ok.errorCount()).isZero();
        assertThat(ok.requestCount()).isPositive().isEqualTo(server.answered());
        assertThat(m.total().requestCount()).isEqualTo(ok.requestCount());
        assertThat(m.iterations()).isEqualTo(ok.requestCount());
        assertThat(m.operations()).containsOnlyKeys("GET /ok");
    }

    @Test
    void leavesOutWarmUpRequests() {
        LoadPlan plan = plan(2, 400, 400, 2_000);

        RunMeasurements m = run(plan, url("/ok")).measurements();

        long recorded = m.total().requestCount();
        assertThat(recorded).isPositive();
        // More left out than the one request per connection that may straddle the start of the measured phase.
        assertThat(server.answered() - recorded).isGreaterThan(plan.users());
    }

    @Test
    void measuresTheServersDelay() throws IOException {
        // The JDK's server writes headers and body apart without TCP_NODELAY, which adds the client's
        // delayed ACK (40 ms) to every response; the raw server writes the response at once.
        try (RawHttpServer delayed = RawHttpServer.answeringAfter(SERVER_DELAY, "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nlate")) {
            RunMeasurements m = run(plan(4, 200, 800, 2_000), delayed.uri("/delayed")).measurements();

            long p50Micros = m.total().latencyMicros().getValueAtPercentile(50);
            assertThat(p50Micros).isBetween(SERVER_DELAY.toNanos() / 1_000, SERVER_DELAY.toNanos() / 1_000 + 1_000);
            assertThat(m.total().errorCount()).isZero();
        }
    }

    @Test
    void aPacedRunSendsAtItsRateWithinOnePercent() {
        double rate = 1_000;
        LoadPlan plan = plan(4, 200, 2_000, 2_000);

        RunMeasurements m = new EventLoopDriver(1).run(plan, url("/ok"), rate).measurements();

        long due = Math.round(rate * 2);
        assertThat(m.scheduledIterations()).isEqualTo(due);
        assertThat(m.total().requestCount()).isBetween(Math.round(due * 0.99), Math.round(due * 1.01));
        assertThat(m.droppedIterations()).isLessThanOrEqualTo(Math.round(due * 0.01));
        assertThat(m.total().errorCount()).isZero();
    }

    @Test
    void aPacedRunAgainstASlowServerTimesEachRequestFromWhenItWasDue() throws IOException {
        // 2 connections of a 20 ms server carry 100 requests/s; asked for 400/s, each connection falls
        // 15 ms further behind with every request, and that waiting is part of the latency (wrk2).
        try (RawHttpServer slow = RawHttpServer.answeringAfter(SERVER_DELAY, "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nslow")) {
            LoadPlan plan = plan(2, 0, 1_000, 5_000);

            RunMeasurements paced = new EventLoopDriver(1).run(plan, slow.uri("/slow"), 400).measurements();
            RunMeasurements backToBack = new EventLoopDriver(1).run(plan, slow.uri("/slow")).measurements();

            long serviceMicros = SERVER_DELAY.toNanos() / 1_000;
            assertThat(backToBack.total().latencyMicros().getValueAtPercentile(50)).isLessThan(2 * serviceMicros);
            // Request i of a connection waits 15 ms x i: the median of ~50 per connection is ~20 times the service time.
            assertThat(paced.total().latencyMicros().getValueAtPercentile(50)).isGreaterThan(5 * serviceMicros);
            assertThat(paced.total().latencyMicros().getMaxValue()).isGreaterThan(paced.total().latencyMicros().getValueAtPercentile(50));
            assertThat(paced.scheduledIterations()).isEqualTo(400);
            assertThat(paced.droppedIterations()).as("due but never sent").isEqualTo(400 - paced.total().requestCount()).isPositive();
        }
    }

    @Test
    void countsServerErrorsAsHttp5xxAndKeepsThemOutOfLatencies() {
        RunMeasurements m = run(plan(2, 0, 300, 2_000), url("/fail")).measurements();

        OperationStats fail = m.operation("GET /fail").orElseThrow();
        assertThat(fail.requestCount()).isPositive().isEqualTo(server.answered());
        assertThat(fail.errors()).containsOnlyKeys(ErrorKind.HTTP_5XX);
        assertThat(fail.errorCount()).isEqualTo(fail.requestCount());
        assertThat(fail.latencyMicros().getTotalCount()).isZero();
    }

    @Test
    void countsClientErrorsAsHttp4xx() {
        OperationStats missing = run(plan(1, 0, 200, 2_000), url("/missing")).measurements().total();

        assertThat(missing.errors()).containsOnlyKeys(ErrorKind.HTTP_4XX);
        assertThat(missing.errorCount()).isPositive().isEqualTo(missing.requestCount());
    }

    @Test
    void readsChunkedResponses() {
        OperationStats chunked = run(plan(2, 0, 300, 2_000), url("/chunked")).measurements().total();

        assertThat(chunked.errorCount()).isZero();
        assertThat(chunked.requestCount()).isPositive().isEqualTo(server.answered());
    }

    @Test
    void reconnectsWhenTheServerClosesAfterEachResponse() {
        OperationStats close = run(plan(2, 0, 300, 2_000), url("/close")).measurements().total();

        assertThat(close.errorCount()).isZero();
        assertThat(close.requestCount()).isGreaterThan(2).isEqualTo(server.answered());
    }

    @Test
    void aBodyThatEndsWithTheConnectionIsAWholeResponse() throws IOException {
        try (RawHttpServer raw = RawHttpServer.answering("HTTP/1.1 200 OK\r\n\r\nuntil the close", true)) {
            OperationStats total = run(plan(2, 0, 300, 2_000), raw.uri("/")).measurements().total();

            assertThat(total.errorCount()).isZero();
            assertThat(total.requestCount()).isGreaterThan(2).isEqualTo(raw.answered());
        }
    }

    @Test
    void aServerThatNeverAnswersGivesTimeoutsAndTheRunStillEndsByItsDeadline() throws IOException {
        LoadPlan plan = plan(2, 0, 500, 200);
        try (RawHttpServer silent = RawHttpServer.neverAnswering()) {
            long start = System.nanoTime();
            RunMeasurements m = run(plan, silent.uri("/")).measurements();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isLessThan(plan.duration().plus(plan.requestTimeout()).plusMillis(EventLoopDriver.STOP_GRACE_MILLIS));
            assertThat(m.completed()).isTrue();
            assertThat(m.total().errors()).containsOnlyKeys(ErrorKind.TIMEOUT);
            // Each connection times out about every 200 ms: at least one request each in 500 ms.
            assertThat(m.total().errorCount()).isGreaterThanOrEqualTo(plan.users());
            assertThat(m.total().latencyMicros().getTotalCount()).isZero();
        }
    }

    @Test
    void aClosedPortGivesConnectionErrorsAndTheRunEnds() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }

        RunMeasurements m = run(plan(2, 0, 200, 500), URI.create("http://127.0.0.1:" + closedPort + "/")).measurements();

        assertThat(m.completed()).isTrue();
        assertThat(m.total().errors()).containsOnlyKeys(ErrorKind.CONNECTION);
        assertThat(m.total().errorCount()).isPositive();
    }

    @Test
    void spreadsConnectionsOverSeveralEventLoops() {
        EventLoopRun run = new EventLoopDriver(2).run(plan(3, 0, 300, 2_000), url("/ok"));

        assertThat(run.eventLoops()).isEqualTo(2);
        assertThat(run.measurements().total().requestCount()).isPositive().isEqualTo(server.answered());
        assertThat(EventLoopDriver.share(3, 2, 0) + EventLoopDriver.share(3, 2, 1)).isEqualTo(3);
    }

    @Test
    void usesEpollWhereItsNativeLibraryLoads() {
        EventLoopRun run = run(plan(1, 0, 100, 2_000), url("/ok"));

        assertThat(run.transport()).isEqualTo(Transport.best());
        if (System.getProperty("os.name").startsWith("Linux") && "amd64".equals(System.getProperty("os.arch"))) {
            assertThat(run.transport()).as("epoll unavailable: %s", Transport.epollUnavailability()).isEqualTo(Transport.EPOLL);
        }
    }

    @Test
    void windowsAddUpToTheRun() {
        RunMeasurements m = new EventLoopDriver(1, 4).run(plan(2, 0, 400, 2_000), url("/ok")).measurements();

        WindowSeries windows = m.totalWindows();
        assertThat(windows.windows()).isEqualTo(4);
        long requests = 0;
        for (int i = 0; i < windows.windows(); i++) {
            assertThat(windows.requests(i)).as("window %d", i).isPositive();
            requests += windows.requests(i);
        }
        assertThat(requests).isEqualTo(m.total().requestCount());
        assertThat(m.windows()).containsOnlyKeys("GET /ok");
    }

    @Test
    void convertsToTheSameResultFileAsTheEngine(@TempDir Path folder) throws IOException {
        LoadPlan plan = plan(2, 0, 300, 2_000);
        RunMeasurements m = run(plan, url("/ok")).measurements();

        LoadTestResult result = ResultOfRun.judged("hello", plan, m, RunEnvironment.current(null));
        LoadTestResult back = ResultFiles.read(ResultFiles.write(folder, result));

        assertThat(back.status()).isEqualTo(ResultStatus.PASSED);
        assertThat(back.total().requests()).isEqualTo(m.total().requestCount());
        assertThat(back.operations()).containsOnlyKeys("GET /ok");
        assertThat(back.plan().users()).isEqualTo(2);
    }

    @Test
    void refusesATargetOffLoopbackBeforeConnecting() {
        assertThatThrownBy(() -> run(plan(1, 0, 200, 200), URI.create("http://192.0.2.1:80/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("192.0.2.1")
                .hasMessageContaining("loopback");
    }

    @Test
    void refusesThinkTime() {
        LoadPlan thinking = plan(1, 0, 200, 200).withThinkTime(Duration.ofMillis(10));

        assertThatThrownBy(() -> run(thinking, url("/ok"))).hasMessageContaining("thinkTime");
        assertThat(server.answered()).isZero();
    }
}
