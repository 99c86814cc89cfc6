package com.example.items;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;

import org.junit.jupiter.api.AfterAll;

import dev.perfgate.core.engine.VirtualUser;
import dev.perfgate.core.http.Http;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;

class ItemsLoadIT {

    @App
    static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile");

    @LoadTest(users = 4, thinkTime = "5ms", warmUp = "1s", duration = "3s")
    void items(Http http, VirtualUser user) {
        http.get("item", "/api/items/" + user.id());
    }

    /** The project's own Jackson is the one its tests see, and it reads what perfgate wrote. */
    @AfterAll
    static void ownJacksonReadsTheResult() throws Exception {
        assertEquals("2.17.2", PackageVersion.VERSION.toString());
        var result = new ObjectMapper().readTree(new java.io.File("target/perf-results/ItemsLoadIT.items.json"));
        assertEquals("ItemsLoadIT.items", result.get("testId").asText());
        System.out.println("own Jackson " + PackageVersion.VERSION + " read the result of " + result.get("testId").asText());
    }
}
