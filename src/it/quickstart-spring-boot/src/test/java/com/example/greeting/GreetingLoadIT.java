package com.example.greeting;

// tag::quick-start[]
import dev.perfgate.core.engine.VirtualUser;
import dev.perfgate.core.http.Http;
import dev.perfgate.core.http.Response;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;

class GreetingLoadIT {

    @App   // built by `package`, run with `java -jar` in a container
    static AppUnderTest app = AppUnderTest.fromJar("target/greeting-service-0.0.1-SNAPSHOT.jar")
            .withPort(8080)
            .withHealthPath("/actuator/health");        // load starts once this answers 2xx

    @LoadTest(users = 8, thinkTime = "10ms", warmUp = "10s", duration = "30s")
    void greeting(Http http, VirtualUser user) {        // one iteration of one virtual user
        Response response = http.get("greeting", "/api/greeting?name=user-" + user.id());
        if (response.ok() && !response.body().contains("user-" + user.id())) {
            throw new AssertionError("wrong greeting"); // counted as a failed check
        }
    }
}
// end::quick-start[]
