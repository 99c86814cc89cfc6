package dev.perfgate.junit.docs;

import dev.perfgate.core.http.Http;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;
import dev.perfgate.junit.Slo;

/** docs/slo.md: objectives for all operations together and for one. Compiled, not run (Docker); SLOs run in the fixture {@code SloLoad}. */
class SloSnippets {

    @App
    static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile");

    // tag::slo[]
    @LoadTest(users = 20, duration = "30s")
    @Slo(p95 = "300ms", errorRate = "1%")                                 // all operations together
    @Slo(operation = "POST /api/orders", p99 = "800ms", throughput = "50/s")
    void shop(Http http) {
        http.get("GET /api/items", "/api/items");
        http.post("POST /api/orders", "/api/orders", "{\"item\":42}");
    }
    // end::slo[]
}
