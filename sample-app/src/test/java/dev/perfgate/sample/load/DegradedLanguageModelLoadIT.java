package dev.perfgate.sample.load;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;

import dev.perfgate.core.engine.VirtualUser;
import dev.perfgate.core.http.Http;
import dev.perfgate.core.http.Response;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;
import dev.perfgate.junit.Slo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graceful degradation: the language model fails 5 % of its calls (503), and the assistant still
 * answers every chat (a fallback reply marked {@code degraded}) without an error and within its SLO.
 */
class DegradedLanguageModelLoadIT {

    @App
    static AppUnderTest app = SampleApp.withLanguageModel(SampleApp.languageModel().withFailures(0.05, 503));

    private static final AtomicLong CHATS = new AtomicLong();
    private static final AtomicLong DEGRADED = new AtomicLong();

    @LoadTest(users = 4, thinkTime = "10ms", warmUp = "2s", duration = "6s")
    @Slo(errorRate = "0.5%", p95 = "1s")
    void chatWhileTheModelFails(Http http, VirtualUser user) {
        Response response = Assistant.chat(http, user);
        CHATS.incrementAndGet();
        if (Assistant.degraded(response)) {
            DEGRADED.incrementAndGet();
        }
    }

    /** The failures did reach the app, and it turned them into fallback answers rather than errors. */
    @AfterAll
    static void someChatsWereAnsweredByTheFallback() {
        assertThat(DEGRADED.get()).as("degraded chat answers of %d", CHATS.get())
                .isBetween(CHATS.get() / 100, CHATS.get() / 10);
    }
}
