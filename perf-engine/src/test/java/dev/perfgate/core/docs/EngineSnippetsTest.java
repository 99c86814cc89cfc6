package dev.perfgate.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.perfgate.core.engine.LoadEngine;
import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.engine.ThinkTime;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.RunEnvironment;
import dev.perfgate.core.testing.LoopbackHttpServer;

/**
 * The docs' perf-engine snippets do what the docs say they do, in a real run against loopback: a
 * snippet that compiles but no longer works would mislead as much as one that does not compile.
 * Each user runs a fixed number of iterations, so the counts do not depend on speed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EngineSnippetsTest {

    private static final int USERS = 3;
    private static final int ITERATIONS = 20;
    private static final LoadPlan PLAN = new LoadPlan(USERS, Duration.ZERO, Duration.ofSeconds(20), Duration.ofSeconds(5),
            ThinkTime.NONE, ITERATIONS);

    private LoopbackHttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = LoopbackHttpServer.start().answer("/", 200, "{}");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void theFeedersSnippetGivesEachUserItsAccount() {
        RunMeasurements measured = new LoadEngine().run(PLAN, server.url(""), EngineSnippets.feeders());

        assertThat(measured.operations().get("search").requestCount()).isEqualTo(USERS * ITERATIONS);
        assertThat(measured.total().errorCount()).isZero();
    }

    @Test
    void theUserMixSnippetRunsItsTypesAndTasks() {
        LoadTestResult result = EngineSnippets.userMix(PLAN, server.url(""), "Docs.userMix", RunEnvironment.current(null));

        // 3 users at 70:5 are all regular: no admin stats; the four regular tasks share the iterations.
        assertThat(result.plan().userTypes()).extracting(t -> t.name() + "=" + t.users()).containsExactly("regular=3", "admin=0");
        assertThat(result.operations()).containsKeys("chat", "food", "reminders", "xp").doesNotContainKey("stats");
        assertThat(result.total().requests()).isEqualTo(USERS * ITERATIONS);
        assertThat(result.total().errors()).isZero();
    }
}
