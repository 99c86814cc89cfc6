package dev.perfgate.sample.load;

import dev.perfgate.core.engine.VirtualUser;
import dev.perfgate.core.http.Http;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;
import dev.perfgate.junit.Slo;

/**
 * A few users through every operation, briefly: does the service answer correctly under concurrent
 * load at all. Then an open-model run: sessions arriving at a fixed rate below capacity, latency
 * measured from each arrival's intended start.
 */
@Slo(errorRate = "1%")
class SmokeLoadIT {

    @App
    static AppUnderTest app = SampleApp.withLanguageModel();

    @LoadTest(users = 2, thinkTime = "20ms", warmUp = "3s", duration = "5s")
    @Slo(p95 = "1s")
    void smoke(Http http, VirtualUser user) {
        Assistant.chat(http, user);
        Assistant.food(http, user);
        Assistant.reminders(http, user);
        Assistant.xp(http, user);
    }

    /** 10 sessions a second, each one call of every operation: well below what two cores serve (about 40 a second). */
    @LoadTest(arrivalRate = "10/s", maxInFlight = 16, warmUp = "2s", duration = "6s")
    @Slo(p95 = "1s")
    @Slo(operation = "reminders", p95 = "500ms")
    void openModel(Http http, VirtualUser user) {
        Assistant.chat(http, user);
        Assistant.food(http, user);
        Assistant.reminders(http, user);
        Assistant.xp(http, user);
    }
}
