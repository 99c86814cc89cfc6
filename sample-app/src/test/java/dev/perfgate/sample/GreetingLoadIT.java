package dev.perfgate.sample;

import dev.perfgate.core.engine.VirtualUser;
import dev.perfgate.core.http.Http;
import dev.perfgate.core.http.Response;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;

/** The sample app under load: its container is built from ../Dockerfile and gated against ../../baselines. */
class GreetingLoadIT {

    @App
    static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile").withPort(8080).withHealthPath("/health");

    @LoadTest(users = 4, thinkTime = "10ms", warmUp = "2s", duration = "6s")
    void greeting(Http http, VirtualUser user) {
        Response response = http.get("greeting", "/api/greeting?name=user-" + user.id());
        if (response.ok() && !response.body().contains("user-" + user.id())) {
            throw new AssertionError("greeting for user-" + user.id() + " answered " + response.body());
        }
    }

    @LoadTest(users = 4, thinkTime = "10ms", warmUp = "2s", duration = "6s")
    void primes(Http http) {
        http.get("primes", "/api/primes?limit=100000");
    }
}
