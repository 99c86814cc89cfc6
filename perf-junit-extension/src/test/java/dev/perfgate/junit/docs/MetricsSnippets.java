package dev.perfgate.junit.docs;

import dev.perfgate.core.http.Http;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;

/** docs/metrics.md: Prometheus metrics recorded during the load. Compiled, not run (Docker); the run is the fixture {@code MetricsLoad}. */
class MetricsSnippets {

    // tag::prometheus[]
    @App
    static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile")
            .withPrometheusMetrics("/actuator/prometheus",
                    "hikaricp_connections_active",              // every series of the name, added up
                    "cache_gets_total{result=\"hit\"}",         // only the series carrying these labels
                    "jvm_threads_live_threads");
    // end::prometheus[]

    @LoadTest(users = 8, duration = "30s")
    void orders(Http http) {
        http.get("orders", "/api/orders");
    }
}
