package com.example.greeting;

import dev.perfgate.core.http.Http;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;
import dev.perfgate.junit.SideBySide;

class GreetingSideBySideIT {

    /** This build's jar against the same jar as the previous commit builds it. */
    @App
    static AppUnderTest app = AppUnderTest.fromJar("target/greeting-service-0.0.1-SNAPSHOT.jar")
            .withHealthPath("/actuator/health")
            .withReferenceFromGit("HEAD~1");

    @LoadTest(users = 2, warmUp = "8s with 4 users")
    @SideBySide(pairs = 10, trial = "1s", interleaved = true)
    void greeting(Http http) {
        http.get("greeting", "/api/greeting?name=perfgate");
    }
}
