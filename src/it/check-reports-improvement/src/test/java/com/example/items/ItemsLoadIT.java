package com.example.items;

import dev.perfgate.core.engine.VirtualUser;
import dev.perfgate.core.http.Http;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;

class ItemsLoadIT {

    // The service's per-request work; the IT raises it to ship a real slowdown.
    @App
    static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile")
            .withEnv("WORK_DELAY_MS", System.getProperty("items.workDelayMs", "5"));

    @LoadTest(users = 8, thinkTime = "5ms", warmUp = "1s", duration = "5s")
    void items(Http http, VirtualUser user) {
        http.get("item", "/api/items/" + user.id());
    }
}
