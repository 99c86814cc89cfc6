package dev.perfgate.junit.docs;

import dev.perfgate.core.engine.VirtualUser;
import dev.perfgate.core.http.Http;
import dev.perfgate.core.http.Response;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;

/**
 * docs/load-test.md: a first load test class, and requests with headers and bodies.
 * Compiled, not run: they need Docker and the user's Dockerfile.
 */
class QuickStartSnippets {

    @App
    static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile");

    @LoadTest(users = 4, duration = "30s")
    void orders(Http http, VirtualUser user) {
        String token = login(http);
        // tag::requests[]
        Response created = http.request("create", "POST", "/api/orders")      // operation, method, path
                .header("Authorization", "Bearer " + token)
                .json("{\"item\":42}")                                         // or .body("text/plain", "...")
                .send();
        created.header("Location");                                             // response headers, case-insensitive
        http.put("rename", "/api/orders/7", "{\"name\":\"x\"}");
        http.delete("cancel", "/api/orders/7");
        if (user.iteration() == 1) {
            http.withHeader("Authorization", "Bearer " + login(http));          // this user's later requests all carry it
        }
        // end::requests[]
    }

    private static String login(Http http) {
        return http.post("login", "/api/login", "{\"user\":\"u\",\"password\":\"p\"}").body();
    }
}

// A top-level class of its own, as the README shows it (an auxiliary class of this file: Maven runs no class named *IT here).
// tag::greeting-load-test[]
class GreetingLoadIT {

    @App
    static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile")   // build context: the Dockerfile's folder
            .withPort(8080)
            .withHealthPath("/health");                                   // ready when it answers 2xx

    @LoadTest(users = 8, warmUp = "2s", duration = "30s")
    void greeting(Http http, VirtualUser user) {                          // one iteration of one virtual user
        Response response = http.get("greeting", "/api/greeting?name=user-" + user.id());
        if (response.ok() && !response.body().contains("user-" + user.id())) {
            throw new AssertionError("wrong greeting");                  // counted as a failed check
        }
    }
}
// end::greeting-load-test[]
