package dev.perfgate.sample.load;

import dev.perfgate.core.engine.VirtualUser;
import dev.perfgate.core.http.Http;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;
import dev.perfgate.junit.Slo;

/**
 * One load test per operation, so that the gate names the operation a change slowed down. Each runs
 * 4 users with a short think time for 6 s after a 3 s warm-up: sized for CI, with enough requests for a
 * p95 that the gate can compare (see {@code docs/regression-detection.md}).
 */
@Slo(errorRate = "1%")
class OperationsLoadIT {

    @App
    static AppUnderTest app = SampleApp.withLanguageModel();

    /** Chat waits for the language model (about 40 ms): its latency is mostly the downstream's. */
    @LoadTest(users = 4, thinkTime = "10ms", warmUp = "3s", duration = "6s")
    @Slo(p95 = "400ms")
    void chat(Http http, VirtualUser user) {
        Assistant.chat(http, user);
    }

    @LoadTest(users = 4, thinkTime = "10ms", warmUp = "3s", duration = "6s")
    @Slo(p95 = "250ms")
    void food(Http http, VirtualUser user) {
        Assistant.food(http, user);
    }

    @LoadTest(users = 4, thinkTime = "10ms", warmUp = "3s", duration = "6s")
    @Slo(p95 = "250ms")
    void reminders(Http http, VirtualUser user) {
        Assistant.reminders(http, user);
    }

    @LoadTest(users = 4, thinkTime = "10ms", warmUp = "3s", duration = "6s")
    @Slo(p95 = "250ms")
    void xp(Http http, VirtualUser user) {
        Assistant.xp(http, user);
    }
}
