package dev.perfgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.perfgate.core.http.ErrorKind;

/** The open model's behaviour against a real server on loopback; its accuracy is in {@link EngineAccuracyTest}. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class OpenModelRunTest {

    private final AtomicLong served = new AtomicLong();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger mostConcurrent = new AtomicInteger();
    private TestHttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = TestHttpServer.start();
        server.handle("/ok", exchange -> {
            served.incrementAndGet();
            TestHttpServer.respond(exchange, 200, "ok");
        });
        server.handle("/slow", exchange -> {
            mostConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                TestHttpServer.delayed(200).handle(exchange);
            } finally {
                concurrent.decrementAndGet();
            }
        });
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static OpenLoadPlan plan(double perSecond, long millis) {
        return OpenLoadPlan.of(ArrivalSchedule.constant(perSecond, Duration.ofMillis(millis))).withRequestTimeout(Duration.ofSeconds(2));
    }

    @Test
    void warmUpArrivalsAreServedButNotRecorded() {
        OpenLoadPlan plan = plan(100, 500).withWarmUp(Duration.ofMillis(500));

        RunMeasurements m = new LoadEngine().run(plan, server.uri(), user -> user.http().get("/ok"));

        assertThat(m.completed()).isTrue();
        assertThat(m.scheduledIterations()).isEqualTo(50);
        assertThat(m.total().requestCount()).isEqualTo(50);
        assertThat(served.get()).isEqualTo(100);
        assertThat(m.measured()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void neverRunsMoreIterationsAtOnceThanTheCap() {
        // 100/s against 200 ms answers would need 20 in flight; 3 are allowed.
        OpenLoadPlan plan = plan(100, 1_000).withMaxInFlight(3);

        RunMeasurements m = new LoadEngine().run(plan, server.uri(), user -> user.http().get("/slow"));

        assertThat(mostConcurrent.get()).isBetween(1, 3);
        assertThat(m.droppedIterations()).isPositive();
        assertThat(m.iterations() + m.droppedIterations()).isBetween(m.scheduledIterations() - 3, m.scheduledIterations());
        assertThat(m.operation("GET /slow").orElseThrow().requestCount()).isEqualTo(m.iterations());
    }

    @Test
    void scenarioExceptionsAreCountedAsCheckErrorsOfTheIteration() {
        RunMeasurements m = new LoadEngine().run(plan(100, 300), server.uri(), user -> {
            user.http().get("/ok");
            throw new IllegalStateException("bad body");
        });

        OperationStats iteration = m.operation(LoadEngine.ITERATION_OPERATION).orElseThrow();
        assertThat(iteration.errors()).containsOnlyKeys(ErrorKind.CHECK);
        assertThat(iteration.errorCount()).isEqualTo(m.scheduledIterations()).isEqualTo(30);
        assertThat(m.total().errorCount()).isZero();
        assertThat(m.scenarioFailure()).get().extracting(Throwable::getMessage).isEqualTo("bad body");
    }

    @Test
    void iterationsStillRunningAfterTheDeadlineAreInterruptedAndTheRunIsAborted() {
        OpenLoadPlan plan = plan(20, 200).withRequestTimeout(Duration.ofMillis(100));
        long start = System.nanoTime();

        RunMeasurements m = new LoadEngine().run(plan, server.uri(), user -> Thread.sleep(60_000));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isLessThan(plan.duration().plus(plan.requestTimeout()).plusSeconds(LoadEngine.STOP_GRACE_SECONDS + 2));
        assertThat(m.completed()).isFalse();
        assertThat(m.abortReason()).contains("4 iteration worker(s) were still busy").contains("interrupted");
    }

    /**
     * At 2 arrivals a second, the workers between arrivals each hold one due up to seconds ahead and
     * sleep until it; a stop must wake them, not leave the run waiting for arrivals it will not start.
     */
    @Test
    void aStopWakesWorkersWaitingForLaterArrivalsAndStartsNoneAfterIt() throws Exception {
        OpenLoadPlan plan = plan(2, 20_000);
        AtomicReference<LiveRun> live = new AtomicReference<>();
        CompletableFuture<RunMeasurements> run = CompletableFuture.supplyAsync(
                () -> new LoadEngine().run(plan, server.uri(), user -> user.http().get("/ok"), live::set));
        while (served.get() < 2) {
            Thread.sleep(5);
        }

        long stoppedAt = System.nanoTime();
        live.get().stop();
        RunMeasurements m = run.get(10, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(Duration.ofMillis(1_500));
        assertThat(m.stoppedEarly()).isTrue();
        assertThat(served.get()).isEqualTo(m.total().requestCount()).isBetween(2L, 3L);
    }

    @Test
    void refusesATargetOffLoopbackBeforeAnyArrival() {
        AtomicInteger iterations = new AtomicInteger();

        assertThatThrownBy(() -> new LoadEngine().run(plan(100, 200), URI.create("http://192.0.2.1:80"),
                user -> iterations.incrementAndGet()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
        assertThat(iterations).hasValue(0);
    }
}
