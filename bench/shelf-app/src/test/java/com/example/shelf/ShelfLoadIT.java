package com.example.shelf;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

import dev.perfgate.core.http.Http;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;

/**
 * The shop's load test, gated against baselines/ by perf:check. Open model: 60 requests a second
 * whatever the app's speed, each one of four operations drawn at random, so the gate names the
 * operation that slowed. -Dshelf.regression=NAME runs the app with that regression (bench/shelf-gate.sh).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShelfLoadIT {

    @App   // built by `package`, run with `java -jar` in a container
    static AppUnderTest app = AppUnderTest.fromJar("target/shelf-service-0.0.1-SNAPSHOT.jar")
            .withHealthPath("/actuator/health")
            .withEnv("SHELF_REGRESSION", System.getProperty("shelf.regression", "none"));

    /** Books 1-100 are the front list: 90 % of detail views, so the detail cache mostly hits once warm. */
    private static final int FRONT_LIST = 100;

    // 60/s is about 450 requests an operation in 30 s: the medians are gated (100 needed), the tails are
    // not (p95 needs 1,000). The warm-up runs the same mix at the same rate, 1,200 requests, and fills the
    // detail cache. Not faster: at 100/s the cold app queued for the whole warm-up on a busy 2-core
    // machine and the measured phase began with the backlog (p50 100 ms falling to 7 ms).
    @Order(1)
    @LoadTest(arrivalRate = "60/s", warmUp = "20s", duration = "30s")
    void shop(Http http) {
        anyOperation(http);
    }

    // The busy hour: six users, each sending its next request as soon as the last one answered. What
    // serialises requests (a lock, a pool too small) shows here as lost throughput; at 60/s the app is
    // mostly idle and requests rarely meet. Runs after shop, on its warm app.
    @Order(2)
    @LoadTest(users = 6, warmUp = "10s", duration = "20s")
    void peak(Http http) {
        anyOperation(http);
    }

    private static void anyOperation(Http http) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        switch (random.nextInt(4)) {
            case 0 -> http.get("list", "/books?page=" + random.nextInt(Seeder.BOOKS_PER_AUTHOR * Seeder.AUTHORS / Catalog.PAGE_SIZE));
            case 1 -> http.get("detail", "/books/" + (random.nextInt(10) < 9 ? 1 + random.nextInt(FRONT_LIST) : anyBook(random)));
            case 2 -> http.get("author", "/authors/" + (1 + random.nextInt(Seeder.AUTHORS)));
            default -> http.request("review", "POST", "/books/" + anyBook(random) + "/reviews")
                    .body("application/x-www-form-urlencoded",
                            "reviewer=reader-" + random.nextInt(Seeder.READERS) + "&rating=" + (1 + random.nextInt(5))
                                    + "&text=A+fine+book%2C+read+it+twice")
                    .send();
        }
    }

    private static int anyBook(ThreadLocalRandom random) {
        return 1 + random.nextInt(Seeder.AUTHORS * Seeder.BOOKS_PER_AUTHOR);
    }
}
