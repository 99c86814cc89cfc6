package dev.perfgate.junit.docs;

import static dev.perfgate.core.http.Check.jsonField;
import static dev.perfgate.core.http.Check.status;

import dev.perfgate.core.engine.VirtualUser;
import dev.perfgate.core.http.Http;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.CsvFeeder;
import dev.perfgate.junit.LoadTest;
import dev.perfgate.junit.Task;
import dev.perfgate.junit.UserType;

/**
 * docs/user-mix.md: weighted user types with weighted tasks, a CSV
 * feeder and checks. Compiled, not run (Docker); the run of such a mix is the fixture
 * {@code MixedUsersLoad}, which docs/user-mix.md shows.
 */
class UserMixSnippets {

    @App
    static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile");

    // tag::mixed-suite[]
    @LoadTest(users = 100, duration = "60s", thinkTime = "5s..15s", iterations = 50)
    @UserType(value = RegularUser.class, weight = 70)
    @UserType(value = PowerUser.class, weight = 20)
    @UserType(value = Admin.class, weight = 10)
    @CsvFeeder("src/test/resources/accounts.csv")            // header: username,password
    void mixedSuite(VirtualUser user, Http http) {            // once per user, before its first task
        http.withHeader("Authorization", "Bearer " + login(http, user.data("username")));
    }

    static class RegularUser {                                 // one instance per virtual user
        @Task(weight = 50) void chat(Http http) { http.post("chat", "/api/chat", "{}", status(200)); }
        @Task(weight = 20) void food(Http http) { http.get("food", "/api/food", jsonField("items[0].id").exists()); }
    }
    // end::mixed-suite[]

    static class PowerUser {
        @Task(weight = 3) void chat(Http http) { http.post("chat", "/api/chat", "{\"long\":true}", status(200)); }
        @Task(weight = 1) void export(Http http) { http.get("export", "/api/export", status(200)); }
    }

    static class Admin {
        @Task void stats(Http http) { http.get("admin stats", "/admin/stats", status(200)); }
    }

    private static String login(Http http, String username) {
        return http.post("login", "/api/login", "{\"username\":\"" + username + "\"}").body();
    }
}
