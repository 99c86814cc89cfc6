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

/** README, "Stubbing downstream services": a WireMock stub with latency and faults. Compiled, not run (Docker). */
class StubSnippets {

    // tag::stubbed-app[]
    @App
    static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile").withPort(8080).withHealthPath("/health")
            .withStub("LLM_URL", Stub.wiremock(server -> server.stubFor(post("/v1/chat").willReturn(okJson("{\"reply\":\"hi\"}"))))
                    .withLatency(Latency.logNormal(Duration.ofMillis(200), 0.3))   // or Latency.fixed(...), Latency.uniform(min, max)
                    .withFailures(0.05, 503)                                         // 5 % of responses are 503
                    .withDroppedConnections(0.01));                                  // 1 % of connections reset
    // end::stubbed-app[]

    @LoadTest(users = 4, duration = "30s")
    void chat(Http http) {
        http.post("chat", "/api/chat", "{\"message\":\"hello\"}");
    }
}
