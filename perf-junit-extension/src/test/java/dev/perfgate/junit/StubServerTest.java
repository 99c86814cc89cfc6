package dev.perfgate.junit;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One stub server in this JVM, called over loopback: its faults, latency and stop; no container. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StubServerTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Stub downstream() {
        return Stub.wiremock(server -> server.stubFor(get("/x").willReturn(ok("fine"))));
    }

    @Test
    void failsTheSameRequestsForTheSameSeedAndAboutTheGivenShare() throws Exception {
        int calls = 400;
        double probability = 0.3;
        Stub flaky = downstream().withFailures(probability, 503).withSeed(7);

        long first = failuresOf(flaky, calls);
        long second = failuresOf(flaky, calls);
        long otherSeed = failuresOf(flaky.withSeed(8), calls);

        assertThat(second).as("same seed, same requests by number").isEqualTo(first);
        double sigma = Math.sqrt(probability * (1 - probability) / calls);
        assertThat((double) first / calls).as("share of %d calls failed, 5 sigma = %.3f", calls, 5 * sigma)
                .isCloseTo(probability, within(5 * sigma));
        assertThat((double) otherSeed / calls).isCloseTo(probability, within(5 * sigma));
    }

    @Test
    void fixedLatencyDelaysEveryResponse() throws Exception {
        try (StubServer server = StubServer.start("SLOW_URL", downstream().withLatency(Latency.fixed(Duration.ofMillis(60))))) {
            call(server); // the first call pays for connecting and class loading
            long started = System.nanoTime();
            HttpResponse<String> response = call(server);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("fine");
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(60));
        }
    }

    @Test
    void droppedConnectionsAreResetAndCounted() throws Exception {
        try (StubServer server = StubServer.start("GONE_URL", downstream().withDroppedConnections(1.0))) {
            assertThatThrownBy(() -> call(server)).isInstanceOf(IOException.class);
            assertThat(server.traffic().dropped()).isPositive();
            assertThat(server.traffic().failed()).isZero();
        }
    }

    @Test
    void closedServerNoLongerListensNorLeavesThreads() throws Exception {
        StubServer server = StubServer.start("DOWNSTREAM_URL", downstream().withLatency(Latency.fixed(Duration.ofMillis(5))));
        int port = server.port();
        assertThat(call(server).statusCode()).isEqualTo(200);
        assertThat(Fixtures.listening(port)).isTrue();
        assertThat(Fixtures.stubServerThreads()).isNotEmpty();

        server.close();

        assertThat(Fixtures.listening(port)).as("port %d still open", port).isFalse();
        assertThat(Fixtures.stubServerThreads()).isEmpty();
    }

    @Test
    void drawsAreUniformAndDependOnlyOnSeedAndNumber() {
        assertThat(InjectedFaults.uniform(1, 5)).isEqualTo(InjectedFaults.uniform(1, 5)).isNotEqualTo(InjectedFaults.uniform(2, 5));
        double sum = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            double u = InjectedFaults.uniform(42, i);
            assertThat(u).isGreaterThanOrEqualTo(0).isLessThan(1);
            sum += u;
        }
        assertThat(sum / n).as("mean of %d uniform draws", n).isCloseTo(0.5, within(5 * Math.sqrt(1.0 / 12 / n)));
    }

    private static long failuresOf(Stub stub, int calls) throws Exception {
        try (StubServer server = StubServer.start("FLAKY_URL", stub)) {
            long failed = 0;
            for (int i = 0; i < calls; i++) {
                int status = call(server).statusCode();
                assertThat(status).isIn(200, 503);
                failed += status == 503 ? 1 : 0;
            }
            assertThat(server.traffic()).isEqualTo(new RunningStubs.Traffic(calls, failed, 0));
            return failed;
        }
    }

    private static HttpResponse<String> call(StubServer server) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/x"))
                .timeout(Duration.ofSeconds(5)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
