package dev.perfgate.junit.docs;

import dev.perfgate.core.http.Http;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;
import dev.perfgate.junit.Slo;

/**
 * docs/stages.md and the README: spike, stress and soak as {@code @LoadTest(pattern)}. Compiled,
 * not run (Docker, and minutes of load); CI-sized runs of them are the fixture {@code PatternsLoad}.
 */
class PatternSnippets {

    @App
    static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile");

    // tag::patterns[]
    @LoadTest(pattern = "spike 1->200->1 users for 10s/5s/20s")      // base, peak, base again: the recovery time
    void spike(Http http) { http.get("search", "/search?q=x"); }

    @LoadTest(pattern = "stress 10->60 users step 10 every 10s")     // 10, 20, ... 60 users: the breaking point
    @Slo(p95 = "300ms", errorRate = "1%")                            // what each step must hold
    void stress(Http http) { http.get("search", "/search?q=x"); }

    @LoadTest(pattern = "soak 20 users for 30m", warmUp = "1m")      // the p95 drift
    void soak(Http http) { http.get("search", "/search?q=x"); }
    // end::patterns[]
}
