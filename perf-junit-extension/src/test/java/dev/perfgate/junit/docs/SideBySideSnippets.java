package dev.perfgate.junit.docs;

import dev.perfgate.core.http.Http;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;
import dev.perfgate.junit.SideBySide;

/** README and docs/side-by-side.md: this build against a reference version in the same run. Compiled, not run (Docker). */
class SideBySideSnippets {

    // tag::side-by-side[]
    @App
    static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile")
            .withReferenceFromGit("origin/main");
            // or another build argument:       .withReference(AppUnderTest.fromDockerfile("Dockerfile").withBuildArg("VERSION", "1.4.0"))
            // or a released image:             .withReferenceImage("registry.example.com/shop:1.4.0")
            // or the same image with a switch:  .withReference(AppUnderTest.fromDockerfile("Dockerfile").withEnv("NEW_CACHE", "off"))

    @LoadTest(users = 1, warmUp = "25s with 4 users") // until steady: a JIT counts requests, not seconds
    @SideBySide(pairs = 40, trial = "1s", interleaved = true) // or -Dperfgate.sideBySide=pairs:40,trial:1s,interleaved[,instances:3,seed:42] (off: off)
    void search(Http http) { http.get("search", "/search?q=shoes"); }
    // end::side-by-side[]

    /** The alternatives in the comments above, compiled too. */
    static AppUnderTest anotherBuildArgument = AppUnderTest.fromDockerfile("Dockerfile")
            .withReference(AppUnderTest.fromDockerfile("Dockerfile").withBuildArg("VERSION", "1.4.0"));
    static AppUnderTest releasedImage = AppUnderTest.fromDockerfile("Dockerfile")
            .withReferenceImage("registry.example.com/shop:1.4.0");
    static AppUnderTest sameImageWithASwitch = AppUnderTest.fromDockerfile("Dockerfile")
            .withReference(AppUnderTest.fromDockerfile("Dockerfile").withEnv("NEW_CACHE", "off"));

    /** The README's short form. */
    static class ShortForm {
        // tag::short-form[]
        @App
        static AppUnderTest app = AppUnderTest.fromJar("target/shop.jar")
                .withReferenceFromGit("origin/main");   // the version to compare with, built by perfgate

        @LoadTest(users = 1, warmUp = "25s with 4 users")
        @SideBySide(pairs = 40, trial = "1s", interleaved = true)
        void search(Http http) { http.get("search", "/search?q=shoes"); }
        // end::short-form[]
    }
}
