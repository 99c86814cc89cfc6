package dev.perfgate.core.scenario;

import static dev.perfgate.core.http.Check.jsonField;
import static dev.perfgate.core.http.Check.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.perfgate.core.http.ErrorKind;
import dev.perfgate.core.engine.LoadEngine;
import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.ResultOfRun;
import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.engine.ThinkTime;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.RunEnvironment;
import dev.perfgate.core.testing.LoopbackHttpServer;

/**
 * A mix, a feeder and checks in a real engine run against loopback. Every user runs a fixed number of
 * iterations (a session limit inside a long measured phase), so the counts do not depend on speed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UserMixRunTest {

    private static final int USERS = 8;
    private static final int ITERATIONS = 50;

    private LoopbackHttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = LoopbackHttpServer.start().answer("/ok", 200, "{\"ok\":true}").answer("/wrong", 200, "{\"ok\":false}");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private RunMeasurements run(dev.perfgate.core.engine.Scenario scenario) {
        LoadPlan plan = new LoadPlan(USERS, Duration.ZERO, Duration.ofSeconds(20), Duration.ofSeconds(5), ThinkTime.NONE, ITERATIONS);
        return new LoadEngine().run(plan, server.url(""), scenario);
    }

    @Test
    void usersFollowTheTypeWeightsAndTasksTheTaskWeights() {
        UserMix mix = UserMix.of(
                UserType.named("regular").weight(3)
                        .task("chat", 3, user -> user.http().get("chat", "/ok"))
                        .task("food", 1, user -> user.http().get("food", "/ok")),
                UserType.named("admin").weight(1)
                        .task("stats", 1, user -> user.http().get("stats", "/ok")));

        RunMeasurements measured = run(mix);

        // 8 users at 3:1 are exactly 6 regular and 2 admins, each running 50 iterations of one request.
        assertThat(measured.operations().get("stats").requestCount()).isEqualTo(2 * ITERATIONS);
        long regular = 6 * ITERATIONS;
        long chat = measured.operations().get("chat").requestCount();
        assertThat(chat + measured.operations().get("food").requestCount()).isEqualTo(regular);
        double fourSigma = 4 * Math.sqrt(regular * 0.75 * 0.25);
        assertThat((double) chat).isBetween(regular * 0.75 - fourSigma, regular * 0.75 + fourSigma);
        assertThat(measured.total().errorCount()).isZero();

        LoadTestResult result = ResultOfRun.judged("mix", new LoadPlan(USERS, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(5)),
                measured, RunEnvironment.current(null)).withUserTypes(mix.describe(USERS));
        assertThat(result.plan().userTypes()).extracting(t -> t.name() + "=" + t.users()).containsExactly("regular=6", "admin=2");
    }

    @Test
    void failedChecksCountAsCheckErrorsOfTheirOperationOnceAndAreNotThrown() {
        // Odd iterations get the wrong body: half the requests fail their check, each counted once.
        RunMeasurements measured = run(user -> user.http().get("probe", user.iteration() % 2 == 1 ? "/wrong" : "/ok",
                status(200), jsonField("ok").isEqualTo(true)));

        var probe = measured.operations().get("probe");
        assertThat(probe.requestCount()).isEqualTo((long) USERS * ITERATIONS);
        assertThat(probe.errors()).containsExactly(Map.entry(ErrorKind.CHECK, (long) USERS * ITERATIONS / 2));
        assertThat(probe.latencyMicros().getTotalCount()).isEqualTo((long) USERS * ITERATIONS / 2);
        assertThat(probe.firstCheckFailure()).isEqualTo("check failed on 'probe': JSON field ok is true, was false");
        assertThat(measured.operations()).doesNotContainKey(LoadEngine.ITERATION_OPERATION);
        assertThat(measured.scenarioFailure()).isEmpty();
    }

    @Test
    void feederAndSessionGiveEachUserItsOwnData() {
        Feeder accounts = Feeder.of(List.of(Map.of("name", "ada"), Map.of("name", "bob")));
        RunMeasurements measured = run(accounts.feeding(user -> {
            // The session keeps what the first iteration stored: a later one reads it back.
            Object first = user.session().putIfAbsent("first", user.data("name") + "-" + user.id());
            String expected = user.data("name") + "-" + user.id();
            if (first != null && !first.equals(expected)) {
                throw new AssertionError("user " + user.id() + " kept " + first + " but is now " + expected);
            }
            user.http().get(user.data("name"), "/ok");
        }));

        assertThat(measured.operations().get("ada").requestCount()).isEqualTo(USERS / 2 * ITERATIONS);
        assertThat(measured.operations().get("bob").requestCount()).isEqualTo(USERS / 2 * ITERATIONS);
        assertThat(measured.scenarioFailure()).isEmpty();
    }
}
