package dev.perfgate.junit.docs;

import dev.perfgate.core.http.Http;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;

/**
 * docs/profiles.md: a built-in profile and a team's own ({@code nightly}, from the team's
 * perfgate-profiles.properties). Compiled, not run (Docker); profiles run in the fixture {@code ProfiledLoad}.
 */
class ProfileSnippets {

    @App
    static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile");

    // tag::profiles[]
    @LoadTest(profile = "smoke")                  // the built-in: 1 user, 5 s, no warm-up
    void search(Http http) { http.get("search", "/search?q=x"); }

    @LoadTest(profile = "nightly", users = 50)    // the team's profile, with the users of this test
    void checkout(Http http) { http.post("checkout", "/api/checkout", "{\"cart\":7}"); }
    // end::profiles[]
}
