package dev.perfgate.junit.docs;

// tag::stubbed-app[]
import static com.github.tomakehurst.wiremock.client.WireMock.*;
// end::stubbed-app[]

import java.time.Duration;

import dev.perfgate.core.http.Http;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.Latency;
import dev.perfgate.junit.LoadTest;
import dev.perfgate.junit.Stub;

/**
 * docs/stubs.md: a WireMock stub with latency and faults, the
 * three latencies, and an application with two stubs. Compiled, not run (Docker); stubs run in the fixture
 * {@code StubbedLoad}.
 */
class StubSnippets {

    // tag::stubbed-app[]
    @App
    static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile").withPort(8080).withHealthPath("/health")
            .withStub("LLM_URL", Stub.wiremock(server -> server.stubFor(post("/v1/chat").willReturn(okJson("{\"reply\":\"hi\"}"))))
                    .withLatency(Latency.logNormal(Duration.ofMillis(200), 0.3))   // or Latency.fixed(...), Latency.uniform(min, max)
                    .withFailures(0.05, 503)                                         // 5 % of responses are 503
                    .withDroppedConnections(0.01));                                  // 1 % of connections reset
    // end::stubbed-app[]

    // tag::latencies[]
    static Latency fixed = Latency.fixed(Duration.ofMillis(50));                               // every response 50 ms later
    static Latency uniform = Latency.uniform(Duration.ofMillis(20), Duration.ofMillis(80));    // 20 to 80 ms, evenly spread
    static Latency logNormal = Latency.logNormal(Duration.ofMillis(200), 0.3);                  // median 200 ms, a long right tail
    // end::latencies[]

    @LoadTest(users = 4, duration = "30s")
    void chat(Http http) {
        http.post("chat", "/api/chat", "{\"message\":\"hello\"}");
    }
}

/** docs/stubs.md: one application, two downstream services, each a stub of its own. */
class CheckoutStubSnippets {

    // tag::two-stubs[]
    @App
    static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile")
            .withEnv("PAYMENTS_TIMEOUT", "2s")                       // the application's own settings beside the stubs' URLs
            .withStub("PAYMENTS_URL", Stub.wiremock(server -> {
                        server.stubFor(post("/v1/charges").willReturn(created().withBody("{\"id\":\"ch_1\"}")));
                        server.stubFor(get(urlPathMatching("/v1/charges/.*")).willReturn(okJson("{\"status\":\"paid\"}")));
                    })
                    .withLatency(Latency.uniform(Duration.ofMillis(20), Duration.ofMillis(80)))
                    .withFailures(0.02, 502)
                    .withSeed(42))                                   // other requests fail, about as many
            .withStub("EMAIL_URL", Stub.wiremock(server -> server.stubFor(any(anyUrl()).willReturn(noContent()))));
    // end::two-stubs[]

    @LoadTest(users = 8, duration = "30s")
    void checkout(Http http) {
        http.post("checkout", "/api/checkout", "{\"cart\":7}");
    }
}
