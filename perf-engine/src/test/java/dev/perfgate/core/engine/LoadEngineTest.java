package dev.perfgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.sun.net.httpserver.HttpExchange;

import dev.perfgate.core.http.ErrorKind;
import dev.perfgate.core.http.Response;
import dev.perfgate.core.http.UserConnections;
import dev.perfgate.core.result.SecondFigures;
import dev.perfgate.core.testing.RawHttpServer;

/** The engine against a real HTTP server on loopback. Each run is at most about a second of load. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LoadEngineTest {

    private static final Duration SLOW_HANDLER = Duration.ofMillis(1_500);

    private final AtomicLong okServed = new AtomicLong();
    private final AtomicLong anyServed = new AtomicLong();
    private TestHttpServer server;
    private URI target;

    @BeforeEach
    void startServer() throws IOException {
        server = TestHttpServer.start()
                .handle("/ok", exchange -> {
                    okServed.incrementAndGet();
                    respond(exchange, 200, "ok");
                })
                .handle("/fail", exchange -> respond(exchange, 503, "unavailable"))
                .handle("/missing", exchange -> respond(exchange, 404, "no such thing"))
                .handle("/slow", TestHttpServer.delayed(SLOW_HANDLER.toMillis()));
        target = server.uri();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private void respond(HttpExchange exchange, int status, String body) throws IOException {
        anyServed.incrementAndGet();
        TestHttpServer.respond(exchange, status, body);
    }

    private static LoadPlan plan(int users, long warmUpMillis, long durationMillis, long timeoutMillis) {
        return new LoadPlan(users, Duration.ofMillis(warmUpMillis), Duration.ofMillis(durationMillis), Duration.ofMillis(timeoutMillis));
    }

    /** Runs and checks the run ended within {@code bound}. */
    private RunMeasurements runWithin(Duration bound, LoadPlan plan, Scenario scenario) {
        long start = System.nanoTime();
        RunMeasurements measurements = new LoadEngine().run(plan, target, scenario);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(bound);
        return measurements;
    }

    @Test
    void measuresSuccessfulRequests() {
        LoadPlan plan = plan(4, 200, 1_000, 2_000);

        RunMeasurements m = runWithin(Duration.ofSeconds(10), plan, user -> user.http().get("/ok"));

        assertThat(m.completed()).isTrue();
        assertThat(m.abortReason()).isNull();
        assertThat(m.scenarioFailure()).isEmpty();
        assertThat(m.measured()).isEqualTo(plan.duration());
        assertThat(m.operations()).containsOnlyKeys("GET /ok");
        OperationStats ok = m.operation("GET /ok").orElseThrow();
        assertThat(ok.requestCount()).isPositive();
        assertThat(ok.errorCount()).isZero();
        assertThat(ok.latencyMicros().getTotalCount()).isEqualTo(ok.requestCount());
        assertThat(m.total().requestCount())
                .isEqualTo(m.operations().values().stream().mapToLong(OperationStats::requestCount).sum());
        assertThat(m.total().errorCount()).isZero();
        // One request per iteration. Iterations are counted by when they start and requests by when
        // they start, so each user may differ by one at either edge of the measured phase.
        assertThat(m.iterations()).isCloseTo(m.total().requestCount(), within(2L * plan.users()));
    }

    @Test
    void usersOnConnectionsOfTheirOwnKeepOneEachAndCloseItAtTheEnd() throws Exception {
        RunMeasurements m;
        System.setProperty(UserConnections.PROPERTY, "socket");
        try (RawHttpServer keepAlive = RawHttpServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", false)) {
            m = new LoadEngine().run(plan(4, 200, 1_000, 2_000), keepAlive.uri("/"), user -> user.http().get("/ok?user=" + user.id()));

            OperationStats ok = m.operation("GET /ok").orElseThrow();
            assertThat(ok.requestCount()).isGreaterThan(20);
            assertThat(ok.errorCount()).isZero();
            assertThat(m.iterations()).isCloseTo(m.total().requestCount(), within(8L));
            assertThat(keepAlive.connections()).as("one keep-alive connection per user").isEqualTo(4);
            // Every user closed its connection when it ended: none is left open towards the server.
            assertThat(openConnectionsTo(keepAlive.uri("/").getPort())).isZero();
        } finally {
            System.clearProperty(UserConnections.PROPERTY);
        }
    }

    @Test
    void anUnknownKindOfConnectionIsRefusedNamingTheProperty() {
        System.setProperty(UserConnections.PROPERTY, "http3");
        try {
            assertThatThrownBy(() -> new LoadEngine().run(plan(1, 0, 100, 1_000), target, user -> user.http().get("/ok")))
                    .hasMessageContaining("perfgate.connections").hasMessageContaining("'http3'").hasMessageContaining("socket");
        } finally {
            System.clearProperty(UserConnections.PROPERTY);
        }
    }

    /** Established TCP connections from this machine to {@code port}, from /proc/net/tcp and tcp6 (Java's sockets are IPv6). */
    private static long openConnectionsTo(int port) throws IOException {
        String remote = String.format(":%04X ", port);
        long open = 0;
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of(table))) {
                // Columns: sl local_address rem_address st ...; st 01 = ESTABLISHED.
                open += lines.skip(1).map(String::strip).map(l -> l.split("\\s+"))
                        .filter(c -> (c[2] + " ").contains(remote) && c[3].equals("01")).count();
            }
        }
        return open;
    }

    @Test
    void totalIsTheSumOfSeveralOperations() {
        RunMeasurements m = runWithin(Duration.ofSeconds(10), plan(2, 0, 500, 2_000), user -> {
            user.http().get("/ok?user=" + user.id());
            user.http().get("named-fail", "/fail");
            user.http().post("create", "/ok", "{\"n\":" + user.iteration() + "}");
        });

        assertThat(m.operations()).containsOnlyKeys("GET /ok", "create", "named-fail");
        long sum = m.operations().values().stream().mapToLong(OperationStats::requestCount).sum();
        assertThat(m.total().requestCount()).isEqualTo(sum).isPositive();
        assertThat(m.total().errorCount()).isEqualTo(m.operation("named-fail").orElseThrow().errorCount()).isPositive();
        assertThat(m.total().latencyMicros().getTotalCount()).isEqualTo(
                m.operation("GET /ok").orElseThrow().requestCount() + m.operation("create").orElseThrow().requestCount());
    }

    @Test
    void serverErrorsAreCountedAsHttp5xxAndKeptOutOfLatencies() {
        AtomicInteger statuses503 = new AtomicInteger();
        RunMeasurements m = runWithin(Duration.ofSeconds(10), plan(2, 0, 500, 2_000), user -> {
            Response response = user.http().get("/fail");
            if (response.status() == 503 && response.error() == ErrorKind.HTTP_5XX && !response.ok()) {
                statuses503.incrementAndGet();
            }
        });

        OperationStats fail = m.operation("GET /fail").orElseThrow();
        assertThat(fail.requestCount()).isPositive();
        assertThat(fail.errors()).containsOnlyKeys(ErrorKind.HTTP_5XX);
        assertThat(fail.errorCount()).isEqualTo(fail.requestCount());
        assertThat(fail.latencyMicros().getTotalCount()).isZero();
        assertThat(statuses503.get()).isGreaterThanOrEqualTo((int) fail.requestCount());
        assertThat(m.completed()).isTrue();
    }

    @Test
    void clientErrorsAreCountedAsHttp4xx() {
        RunMeasurements m = runWithin(Duration.ofSeconds(10), plan(1, 0, 300, 2_000), user -> user.http().get("/missing"));

        OperationStats missing = m.operation("GET /missing").orElseThrow();
        assertThat(missing.errors()).containsOnlyKeys(ErrorKind.HTTP_4XX);
        assertThat(missing.errorCount()).isEqualTo(missing.requestCount()).isPositive();
    }

    @Test
    void scenarioExceptionsAreCountedAsCheckErrorsOfTheIteration() {
        RunMeasurements m = runWithin(Duration.ofSeconds(10), plan(2, 0, 500, 2_000), user -> {
            Response response = user.http().get("/ok");
            throw new AssertionError("unexpected body: " + response.body());
        });

        OperationStats iteration = m.operation(LoadEngine.ITERATION_OPERATION).orElseThrow();
        assertThat(iteration.errors()).containsOnlyKeys(ErrorKind.CHECK);
        assertThat(iteration.errorCount()).isPositive().isEqualTo(m.iterations());
        assertThat(iteration.latencyMicros().getTotalCount()).isZero();
        // A failed check is not a request: the total holds the requests only.
        assertThat(m.total().errorCount()).isZero();
        assertThat(m.total().requestCount()).isEqualTo(m.operation("GET /ok").orElseThrow().requestCount());
        assertThat(m.operation("GET /ok").orElseThrow().errorCount()).isZero();
        assertThat(m.scenarioFailure()).get().isInstanceOf(AssertionError.class)
                .extracting(Throwable::getMessage).isEqualTo("unexpected body: ok");
        assertThat(m.completed()).isTrue();
    }

    @Test
    void warmUpRequestsAreNotRecorded() {
        LoadPlan plan = plan(2, 500, 500, 2_000);

        RunMeasurements m = runWithin(Duration.ofSeconds(10), plan, user -> user.http().get("/ok"));

        long recorded = m.total().requestCount();
        assertThat(recorded).isPositive();
        // More left out than the one request per user that may start just after the measured phase.
        assertThat(okServed.get() - recorded).isGreaterThan(plan.users());
    }

    @Test
    void aWarmUpWithMoreUsersRunsThemAllThenOnlyTheTestsUsers() {
        LoadPlan plan = plan(1, 1_000, 1_000, 2_000).withThinkTime(Duration.ofMillis(2)).withWarmUp(Duration.ofMillis(1_000), 4);
        Set<Integer> users = ConcurrentHashMap.newKeySet();

        RunMeasurements m = runWithin(Duration.ofSeconds(10), plan, user -> {
            users.add(user.id());
            user.http().get("/ok");
        });

        assertThat(users).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(m.seconds()).filteredOn(SecondFigures::warmUp).singleElement()
                .satisfies(second -> assertThat(second.active()).as("users active in the warm-up").isEqualTo(4));
        assertThat(m.seconds()).filteredOn(second -> !second.warmUp()).singleElement()
                .satisfies(second -> assertThat(second.active()).as("users active once measuring").isEqualTo(1));
        assertThat(m.completed()).isTrue();
    }

    @Test
    void withoutWarmUpEveryServedRequestIsRecorded() {
        // Guards the test above: the server's count is a fair reference when nothing is left out
        // (but the request per user that may start just as the measured phase ends).
        LoadPlan plan = plan(2, 0, 500, 2_000);

        RunMeasurements m = runWithin(Duration.ofSeconds(10), plan, user -> user.http().get("/ok"));

        assertThat(okServed.get() - m.total().requestCount()).isBetween(0L, (long) plan.users());
    }

    @Test
    void requestsSlowerThanTheTimeoutCountAsTimeouts() {
        LoadPlan plan = plan(2, 0, 600, 300);

        RunMeasurements m = runWithin(Duration.ofSeconds(10), plan, user -> user.http().get("/slow"));

        OperationStats slow = m.operation("GET /slow").orElseThrow();
        assertThat(slow.requestCount()).isPositive();
        assertThat(slow.errors()).containsOnlyKeys(ErrorKind.TIMEOUT);
        assertThat(slow.errorCount()).isEqualTo(slow.requestCount());
        assertThat(slow.latencyMicros().getTotalCount()).isZero();
        assertThat(m.completed()).isTrue();
    }

    @Test
    void refusesATargetOffLoopbackBeforeRunningTheScenario() {
        AtomicInteger iterations = new AtomicInteger();
        Scenario counting = user -> {
            iterations.incrementAndGet();
            user.http().get("/ok");
        };

        assertThatThrownBy(() -> new LoadEngine().run(plan(1, 0, 200, 200), URI.create("http://192.0.2.1:80"), counting))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("192.0.2.1")
                .hasMessageContaining("loopback");
        assertThat(iterations).hasValue(0);
    }

    /**
     * A port nobody listens on: every request of both models is a connection error, the run ends at its
     * planned end, and no engine thread outlives it.
     */
    @Test
    void aTargetThatRefusesConnectionsGivesConnectionErrorsAndTheRunEndsLeavingNoThread() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI refusing = URI.create("http://127.0.0.1:" + closedPort);
        RunPlan open = OpenLoadPlan.of(ArrivalSchedule.constant(100, Duration.ofMillis(600))).withRequestTimeout(Duration.ofSeconds(1));
        for (RunPlan plan : java.util.List.of(plan(2, 0, 600, 1_000), open)) {
            long started = System.nanoTime();
            RunMeasurements m = new LoadEngine().run(plan, refusing, user -> user.http().get("/ok"));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(m.total().requestCount()).as("%s", plan).isPositive();
            assertThat(m.total().errors()).as("%s", plan).containsOnlyKeys(ErrorKind.CONNECTION);
            assertThat(m.total().errorCount()).isEqualTo(m.total().requestCount());
            assertThat(m.completed()).isTrue();
            // the open model's last arrival is due 10 ms before the end, and nothing waits after it
            assertThat(tookMillis).as("%s runs until about its planned end, no longer", plan).isBetween(550L, 3_000L);
            assertThat(engineThreads()).as("threads left by %s", plan).isEmpty();
        }
    }

    private static java.util.List<String> engineThreads() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        java.util.List<String> alive;
        do {
            alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(name -> name.startsWith("perfgate-")).toList();
            if (!alive.isEmpty()) {
                Thread.sleep(50);
            }
        } while (!alive.isEmpty() && System.nanoTime() < deadline);
        return alive;
    }

    @Test
    void refusesANonHttpScheme() {
        AtomicInteger iterations = new AtomicInteger();
        URI ftp = URI.create("ftp://127.0.0.1:" + server.port());

        assertThatThrownBy(() -> new LoadEngine().run(plan(1, 0, 200, 200), ftp, user -> iterations.incrementAndGet()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://");
        assertThat(iterations).hasValue(0);
        assertThat(anyServed).hasValue(0);
    }

    @Test
    void measuredPhaseIsCutIntoWindowsThatAddUpToTheRun() {
        RunMeasurements m = new LoadEngine(5).run(plan(2, 0, 1_000, 2_000), target, user -> {
            user.http().get("ok", "/ok");
            user.http().get("fail", "/fail");
        });

        WindowSeries total = m.totalWindows();
        assertThat(total.windows()).isEqualTo(5);
        long requests = 0;
        long errors = 0;
        for (int i = 0; i < total.windows(); i++) {
            assertThat(total.requests(i)).as("window %d", i).isPositive();
            assertThat(total.latencyMicros(i).getTotalCount()).isEqualTo(total.requests(i) - total.errors(i));
            requests += total.requests(i);
            errors += total.errors(i);
        }
        assertThat(requests).isEqualTo(m.total().requestCount());
        assertThat(errors).isEqualTo(m.total().errorCount()).isPositive();
        assertThat(m.windows()).containsOnlyKeys("ok", "fail");
        long okRequests = 0;
        for (int i = 0; i < 5; i++) {
            okRequests += m.windows().get("ok").requests(i);
            assertThat(m.windows().get("fail").errors(i)).isEqualTo(m.windows().get("fail").requests(i));
        }
        assertThat(okRequests).isEqualTo(m.operation("ok").orElseThrow().requestCount());
    }

    @Test
    void rejectsAWindowCountOutOfRange() {
        assertThatThrownBy(() -> new LoadEngine(0)).hasMessageContaining("windows").hasMessageContaining("0");
    }

    @Test
    void aUserWithASessionLimitStopsAfterThatManyIterations() {
        LoadPlan plan = plan(3, 0, 5_000, 2_000).withIterationsPerUser(4);

        RunMeasurements m = runWithin(Duration.ofSeconds(4), plan, user -> user.http().get("/ok"));

        assertThat(m.completed()).isTrue();
        assertThat(m.iterations()).isEqualTo(12);
        assertThat(m.total().requestCount()).isEqualTo(12);
        assertThat(okServed.get()).isEqualTo(12);
    }

    @Test
    void aUniformThinkTimePacesEachUserWithinItsRange() {
        long minMillis = 20;
        long maxMillis = 40;
        long durationMillis = 1_000;
        LoadPlan plan = plan(1, 0, durationMillis, 2_000)
                .withThinkTime(ThinkTime.uniform(Duration.ofMillis(minMillis), Duration.ofMillis(maxMillis)));

        RunMeasurements m = runWithin(Duration.ofSeconds(10), plan, user -> user.http().get("/ok"));

        // Each iteration takes its pause plus a round trip (well under 10 ms on loopback).
        assertThat(m.iterations()).isBetween(durationMillis / (maxMillis + 10), durationMillis / minMillis + 1);
    }
}
