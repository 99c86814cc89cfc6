package dev.perfgate.junit.docs;

// tag::checks[]
import static dev.perfgate.core.http.Check.*;
// end::checks[]

import dev.perfgate.core.http.Http;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;

/** docs/checks.md: response checks. Compiled, not run (Docker); the checks' behaviour is tested in perf-engine. */
class CheckSnippets {

    @App
    static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile");

    @LoadTest(users = 4, duration = "30s")
    void orders(Http http) {
        // tag::checks[]
        http.get("profile", "/api/me", status(200), jsonField("user.id").exists());
        http.post("order", "/api/orders", "{\"item\":42}", status(201), bodyContains("\"id\""));
        http.request("rename", "PATCH", "/api/orders/7").json("{\"name\":\"x\"}")
                .check(jsonField("name").isEqualTo("x"))
                .send();
        http.get("lookup", "/api/users/unknown", status(404));            // a 404 expected: a success
        // end::checks[]
    }
}
