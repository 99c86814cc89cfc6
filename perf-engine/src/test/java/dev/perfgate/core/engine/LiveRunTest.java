package dev.perfgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The live figures of a run, read while it goes on, against a server on loopback. Each run is at most
 * 1.5 s of light load (users pause between requests); nothing here depends on speed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LiveRunTest {

    private TestHttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = TestHttpServer.start()
                .handle("/ok", exchange -> TestHttpServer.respond(exchange, 200, "ok"))
                .handle("/fail", exchange -> TestHttpServer.respond(exchange, 503, "unavailable"))
                .handle("/slow", TestHttpServer.delayed(200));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void closedModelFiguresGrowThroughWarmUpAndMeasuredPhaseAndEndAtTheResult() throws Exception {
        LoadPlan plan = new LoadPlan(2, Duration.ofMillis(500), Duration.ofMillis(1_000), Duration.ofSeconds(2), Duration.ofMillis(5));
        Watched watched = watch(plan, "/ok");

        List<LiveFigures> seen = watched.seen;
        assertThat(seen).extracting(LiveFigures::phase).contains(LiveFigures.Phase.WARM_UP, LiveFigures.Phase.MEASURED);
        assertThat(seen).filteredOn(f -> f.phase() == LiveFigures.Phase.WARM_UP)
                .allSatisfy(f -> {
                    assertThat(f.phaseLength()).isEqualTo(Duration.ofMillis(500));
                    assertThat(f.active()).isEqualTo(2);
                    assertThat(f.p95Millis()).isNaN();
                })
                .last().satisfies(f -> assertThat(f.requests()).isPositive());
        List<LiveFigures> measured = seen.stream().filter(f -> f.phase() == LiveFigures.Phase.MEASURED).toList();
        for (int i = 1; i < measured.size(); i++) {
            assertThat(measured.get(i).elapsed()).isGreaterThanOrEqualTo(measured.get(i - 1).elapsed());
            assertThat(measured.get(i).requests()).isGreaterThanOrEqualTo(measured.get(i - 1).requests());
        }
        assertThat(measured).last().satisfies(f -> {
            assertThat(f.requests()).isPositive();
            assertThat(f.requestsPerSecond()).isPositive();
            assertThat(f.p95Millis()).isPositive();
            assertThat(f.open()).isFalse();
        });

        LiveFigures end = watched.live.figures();
        RunMeasurements m = watched.measurements;
        assertThat(end.phase()).isEqualTo(LiveFigures.Phase.ENDED);
        assertThat(end.elapsed()).isEqualTo(end.phaseLength()).isEqualTo(Duration.ofMillis(1_000));
        assertThat(end.requests()).isEqualTo(m.total().requestCount());
        assertThat(end.errors()).isZero();
        assertThat(end.iterationsStarted()).isEqualTo(m.iterations());
        assertThat(end.active()).as("users still running after the run").isZero();
        assertThat(watched.live.measuredEndNanos() - watched.live.measuredStartNanos()).isEqualTo(TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void failedRequestsAreCountedAsTheyHappen() throws Exception {
        LoadPlan plan = new LoadPlan(1, Duration.ZERO, Duration.ofMillis(600), Duration.ofSeconds(2), Duration.ofMillis(10));
        Watched watched = watch(plan, "/fail");

        LiveFigures end = watched.live.figures();
        assertThat(end.errors()).isPositive().isEqualTo(end.requests()).isEqualTo(watched.measurements.total().errorCount());
        assertThat(end.errorRate()).isEqualTo(1.0);
        assertThat(end.p95Millis()).as("no successful request").isNaN();
    }

    @Test
    void openModelFiguresCountIterationsInFlightAndDrops() throws Exception {
        OpenLoadPlan plan = OpenLoadPlan.of(ArrivalSchedule.constant(50, Duration.ofMillis(1_000)))
                .withRequestTimeout(Duration.ofSeconds(2)).withMaxInFlight(2);
        Watched watched = watch(plan, "/slow");

        assertThat(watched.seen).filteredOn(f -> f.phase() == LiveFigures.Phase.MEASURED)
                .allSatisfy(f -> assertThat(f.open()).isTrue())
                .anySatisfy(f -> assertThat(f.dropped()).isPositive())
                .allSatisfy(f -> assertThat(f.active()).isBetween(0, 2));
        LiveFigures end = watched.live.figures();
        RunMeasurements m = watched.measurements;
        assertThat(end.dropped()).isPositive().isEqualTo(m.droppedIterations());
        assertThat(end.iterationsStarted()).isEqualTo(m.iterations());
        assertThat(end.iterationsPerSecond()).isPositive();
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheRun() {
        LoadPlan plan = new LoadPlan(1, Duration.ZERO, Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofMillis(10));

        RunMeasurements m = new LoadEngine().run(plan, server.uri(), user -> user.http().get("/ok"), live -> {
            throw new IllegalStateException("listener broken");
        });

        assertThat(m.completed()).isTrue();
        assertThat(m.total().requestCount()).isPositive();
    }

    /**
     * A run stopped 600 ms into a 5 s measured phase reports its rates per second of what ran: the
     * open model's achieved rate stays near the 100/s it was given (per planned second it would be
     * 12/s), and the throughput is the requests over the time that ran.
     */
    @Test
    void aRunStoppedEarlyReportsRatesOverTheTimeItRan() throws Exception {
        OpenLoadPlan open = OpenLoadPlan.of(ArrivalSchedule.constant(100, Duration.ofSeconds(5)))
                .withRequestTimeout(Duration.ofSeconds(2)).withMaxInFlight(4);
        LoadPlan closed = new LoadPlan(2, Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMillis(10));
        for (RunPlan plan : List.of(open, closed)) {
            AtomicReference<LiveRun> live = new AtomicReference<>();
            CompletableFuture<RunMeasurements> run = CompletableFuture.supplyAsync(
                    () -> new LoadEngine().run(plan, server.uri(), user -> user.http().get("/ok"), live::set));
            while (live.get() == null || System.nanoTime() - live.get().measuredStartNanos() < TimeUnit.MILLISECONDS.toNanos(600)) {
                Thread.sleep(5);
            }
            live.get().stop();
            long stoppedAt = System.nanoTime();
            RunMeasurements m = run.get(10, TimeUnit.SECONDS);

            assertThat(m.stoppedEarly()).as("%s", plan).isTrue();
            assertThat(m.measured()).as("the planned length is kept").isEqualTo(Duration.ofSeconds(5));
            assertThat(m.ranFor()).isBetween(Duration.ofMillis(600), Duration.ofNanos(stoppedAt - live.get().measuredStartNanos()));
            double ranSeconds = m.ranFor().toNanos() / 1e9;
            var result = dev.perfgate.core.engine.ResultOfRun.of("Stopped.early", plan, m,
                    dev.perfgate.core.result.RunEnvironment.current("none"), dev.perfgate.core.result.ResultStatus.ABORTED, "stopped");
            assertThat(result.total().throughputPerSecond()).as("%s", plan)
                    .isCloseTo(m.total().requestCount() / ranSeconds, org.assertj.core.data.Offset.offset(0.01));
            if (plan == open) {
                assertThat(m.iterationsPerSecond()).as("achieved arrival rate").isBetween(80.0, 120.0);
            }
        }
    }

    /** Runs {@code plan} against {@code path} on another thread and reads its figures every 50 ms until it ends. */
    private Watched watch(RunPlan plan, String path) throws Exception {
        AtomicReference<LiveRun> live = new AtomicReference<>();
        CompletableFuture<RunMeasurements> run = CompletableFuture.supplyAsync(
                () -> new LoadEngine().run(plan, server.uri(), user -> user.http().get(path), live::set));
        List<LiveFigures> seen = new ArrayList<>();
        for (int polls = 0; !run.isDone() && polls < 200; polls++) {
            LiveRun started = live.get();
            if (started != null) {
                seen.add(started.figures());
            }
            Thread.sleep(50);
        }
        RunMeasurements measurements = run.get(10, TimeUnit.SECONDS);
        return new Watched(live.get(), seen, measurements);
    }

    private record Watched(LiveRun live, List<LiveFigures> seen, RunMeasurements measurements) {
    }
}
