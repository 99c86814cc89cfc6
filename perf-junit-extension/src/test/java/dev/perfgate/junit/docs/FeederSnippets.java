package dev.perfgate.junit.docs;

import dev.perfgate.core.engine.VirtualUser;
import dev.perfgate.core.http.Http;
import dev.perfgate.core.http.Response;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.CsvFeeder;
import dev.perfgate.junit.LoadTest;

/**
 * docs/feeders.md: a CSV feeder and the user's session. Compiled, not run (Docker); the run of a
 * feeder is the fixture {@code MixedUsersLoad}.
 */
class FeederSnippets {

    @App
    static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile");

    // tag::csv-feeder[]
    @LoadTest(users = 10, duration = "30s")
    @CsvFeeder("src/test/resources/accounts.csv")                 // header: username,password
    void shop(VirtualUser user, Http http) {
        if (user.iteration() == 1) {
            Response cart = http.post("new cart", "/api/carts", "{\"owner\":\"" + user.data("username") + "\"}");
            user.session().put("cart", cart.header("Location").orElseThrow());
        }
        http.post("add item", user.session().get("cart") + "/items", "{\"sku\":42}");
    }
    // end::csv-feeder[]

    @LoadTest(users = 10, duration = "30s")
    @CsvFeeder(value = "src/test/resources/queries.csv", pick = CsvFeeder.Pick.PER_ITERATION)
    void search(VirtualUser user, Http http) {
        http.get("search", "/api/search?q=" + user.data("q"));
    }
}
