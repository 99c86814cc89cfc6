package dev.perfgate.sample.load;

import dev.perfgate.core.engine.VirtualUser;
import dev.perfgate.core.http.Http;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;
import dev.perfgate.junit.Slo;

/**
 * The capacity questions, CI-sized: how long the service takes to recover from a spike, how many users
 * it holds before its objective breaks, and whether its latency drifts over a steady run. Each user
 * reads its reminders and its XP (the spike's sessions arrive at a rate instead); two cores serve about
 * 100 such sessions a second, 15-20 users thinking for 100 ms between them.
 *
 * <p>The spike and the stress run overload the app on purpose, so their latency measures a queue that
 * follows whatever else the machine does: the gate compares only their error rate (the rule in
 * {@code pom.xml}), and their verdicts (recovery time, breaking point) are printed and kept in the
 * result. The soak runs below capacity and is gated like the other suites.
 */
@Slo(errorRate = "1%")
class PatternsLoadIT {

    @App
    static AppUnderTest app = SampleApp.withLanguageModel();

    /**
     * Sessions arriving at 20 a second, then 250 a second for 3 s (more than twice what the app serves),
     * then 20 again. Arrivals keep coming whatever the app's speed (open model), so the spike leaves a
     * backlog: the recovery time is how long p95 takes to come back within 50 % of before the spike.
     */
    @LoadTest(pattern = "spike 20/s->250/s->20/s for 4s/3s/8s, tolerance 50%", maxInFlight = 64, warmUp = "5s")
    @Slo(p95 = "2s")
    void spike(Http http, VirtualUser user) {
        Assistant.reminders(http, user);
        Assistant.xp(http, user);
    }

    /** 5, 10, ... 50 users, 2 s each, until a step misses p95 100 ms: the breaking point is the last step that held. */
    @LoadTest(pattern = "stress 5->50 users step 5 every 2s", thinkTime = "100ms", warmUp = "2s")
    @Slo(p95 = "100ms")
    void stress(Http http, VirtualUser user) {
        Assistant.reminders(http, user);
        Assistant.xp(http, user);
    }

    /** 8 users for 15 s, every operation: the p95 drift (Theil-Sen, ms/min) should be near zero. */
    @LoadTest(pattern = "soak 8 users for 15s", thinkTime = "100ms", warmUp = "3s")
    @Slo(p95 = "1s")
    void soak(Http http, VirtualUser user) {
        Assistant.chat(http, user);
        Assistant.food(http, user);
        Assistant.reminders(http, user);
        Assistant.xp(http, user);
    }
}
