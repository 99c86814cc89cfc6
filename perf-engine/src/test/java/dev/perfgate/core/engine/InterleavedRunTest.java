package dev.perfgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link LoadEngine#runInterleaved}: two real HTTP servers on loopback, one a few milliseconds slower, about a second of load each run. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InterleavedRunTest {

    private static final long SLOWER_MILLIS = 3;

    private final List<String> served = Collections.synchronizedList(new ArrayList<>());
    private TestHttpServer fast;
    private TestHttpServer slow;

    @BeforeEach
    void startServers() throws IOException {
        fast = TestHttpServer.start().handle("/", exchange -> {
            served.add("A");
            TestHttpServer.respond(exchange, 200, "a");
        });
        slow = TestHttpServer.start().handle("/", exchange -> {
            served.add("B");
            try {
                Thread.sleep(SLOWER_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            TestHttpServer.respond(exchange, 200, "b");
        });
    }

    @AfterEach
    void stopServers() {
        fast.close();
        slow.close();
    }

    private List<RunMeasurements> run(int users, long seed) {
        LoadPlan plan = new LoadPlan(users, Duration.ZERO, Duration.ofMillis(800), Duration.ofSeconds(2));
        return new LoadEngine().runInterleaved(plan, List.of(fast.uri(), slow.uri()), seed, user -> user.http().get("page", "/"),
                RunListener.NONE);
    }

    @Test
    void everyUserSendsItsIterationsToEachTargetInTurn() {
        List<RunMeasurements> ab = run(3, 42);

        long a = ab.get(0).total().requestCount();
        long b = ab.get(1).total().requestCount();
        assertThat(a).isGreaterThan(20);
        // each user's rounds hold one iteration of each target: counts differ by at most one per user
        assertThat(Math.abs(a - b)).isLessThanOrEqualTo(3);
        assertThat(ab.get(0).iterations()).isEqualTo(a);
        assertThat(ab).allSatisfy(m -> assertThat(m.completed()).isTrue());
    }

    @Test
    void eachTargetIsMeasuredApart() {
        List<RunMeasurements> ab = run(2, 7);

        double aMillis = ab.get(0).total().latencyMicros().getValueAtPercentile(50) / 1e3;
        double bMillis = ab.get(1).total().latencyMicros().getValueAtPercentile(50) / 1e3;
        assertThat(bMillis - aMillis).isGreaterThan(SLOWER_MILLIS * 0.8);
    }

    @Test
    void aTargetsShareOfTheUsersTimeFollowsItsLatency() {
        List<RunMeasurements> ab = run(1, 3);

        Duration a = ab.get(0).ranFor();
        Duration b = ab.get(1).ranFor();
        assertThat(b).isGreaterThan(a.plusMillis(SLOWER_MILLIS * ab.get(1).total().requestCount() / 2));
        // together the users' time: the whole measured phase, less the gaps between iterations
        assertThat(a.plus(b)).isBetween(Duration.ofMillis(700), Duration.ofMillis(900));
        assertThat(ab.get(1).perSecondRun(ab.get(1).total().requestCount())).isLessThan(ab.get(0).perSecondRun(ab.get(0).total().requestCount()));
        assertThat(ab).allSatisfy(m -> assertThat(m.stoppedEarly()).isFalse());
    }

    @Test
    void theOrderWithinEachRoundIsDrawnFromTheSeed() {
        run(1, 11);
        List<String> first = List.copyOf(served);
        served.clear();
        run(1, 11);
        List<String> second = List.copyOf(served);

        List<String> rounds = new ArrayList<>();
        for (int i = 0; i + 1 < first.size(); i += 2) {
            assertThat(first.subList(i, i + 2)).containsExactlyInAnyOrder("A", "B");
            rounds.add(first.get(i) + first.get(i + 1));
        }
        assertThat(rounds).contains("AB", "BA");
        int common = Math.min(first.size(), second.size()) - 1;
        assertThat(second.subList(0, common)).isEqualTo(first.subList(0, common));
    }

    @Test
    void refusesATargetOffLoopback() {
        LoadPlan plan = new LoadPlan(1, Duration.ZERO, Duration.ofMillis(100), Duration.ofSeconds(1));

        assertThatThrownBy(() -> new LoadEngine().runInterleaved(plan, List.of(fast.uri(), URI.create("http://example.com/")), 1,
                user -> user.http().get("/"), RunListener.NONE)).isInstanceOf(IllegalArgumentException.class);
    }
}
