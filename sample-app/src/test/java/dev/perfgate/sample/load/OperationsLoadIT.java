package dev.perfgate.sample.load;

import dev.perfgate.core.engine.VirtualUser;
import dev.perfgate.core.http.Http;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;
import dev.perfgate.junit.Slo;

/**
 * One load test per operation, so that the gate names the operation a change slowed down. Each runs
 * 4 users with a short think time (chat and xp: 8 users) for 6 s after a 3 s warm-up: sized for CI, with enough requests for a
 * median that the gate can compare even when a change slows the operation down many times (its p95 needs
 * 1,000 requests, see {@code docs/regression-detection.md}). The SLOs are the service's objectives with
 * room for a shared 2-core CI machine: chat (which waits for the model) p95 under 1 s, the rest under 500 ms.
 */
@Slo(errorRate = "1%")
class OperationsLoadIT {

    @App
    static AppUnderTest app = SampleApp.withLanguageModel();

    /**
     * Chat waits for the language model (about 40 ms): its latency is mostly the downstream's, and more
     * users than the other tests, because waiting costs the app little.
     */
    @LoadTest(users = 8, thinkTime = "10ms", warmUp = "3s", duration = "6s")
    @Slo(p95 = "1s")
    void chat(Http http, VirtualUser user) {
        Assistant.chat(http, user);
    }

    @LoadTest(users = 4, thinkTime = "10ms", warmUp = "3s", duration = "6s")
    @Slo(p95 = "500ms")
    void food(Http http, VirtualUser user) {
        Assistant.food(http, user);
    }

    @LoadTest(users = 4, thinkTime = "10ms", warmUp = "3s", duration = "6s")
    @Slo(p95 = "500ms")
    void reminders(Http http, VirtualUser user) {
        Assistant.reminders(http, user);
    }

    /**
     * XP is served from the cached leaderboard: CPU-bound and fast, so 8 users without think time keep
     * the app busy and its latency follows the CPU each request costs.
     */
    @LoadTest(users = 8, warmUp = "3s", duration = "6s")
    @Slo(p95 = "500ms")
    void xp(Http http, VirtualUser user) {
        Assistant.xp(http, user);
    }
}
