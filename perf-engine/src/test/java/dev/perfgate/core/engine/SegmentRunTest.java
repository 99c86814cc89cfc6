package dev.perfgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.perfgate.core.result.HistogramCodec;
import dev.perfgate.core.result.LatencySummary;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultMerge;
import dev.perfgate.core.result.RunEnvironment;
import dev.perfgate.core.result.SegmentSummary;

/**
 * Parts of one run on one shared start, each on its own engine against one real server: together they
 * send what the whole plan sends, and their merged result is the run's.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SegmentRunTest {

    private final AtomicLong served = new AtomicLong();
    private final ConcurrentHashMap<Integer, Boolean> users = new ConcurrentHashMap<>();
    private TestHttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = TestHttpServer.start();
        server.handle("/ok", exchange -> {
            served.incrementAndGet();
            TestHttpServer.respond(exchange, 200, "ok");
        });
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** Runs every part of {@code plan} at once, on a start shared by all, and returns their measurements in part order. */
    private List<RunMeasurements> runParts(RunPlan plan, int count, Scenario scenario) {
        Instant start = Instant.now().plusMillis(500);
        List<CompletableFuture<RunMeasurements>> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Segment part = new Segment(i, count, start);
            parts.add(CompletableFuture.supplyAsync(() -> new LoadEngine(4).forSegment(part).run(plan, server.uri(), scenario)));
        }
        return parts.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void theArrivalsOfTheWholeScheduleAreSentOnceByThePartsTogether() {
        OpenLoadPlan plan = OpenLoadPlan.of(ArrivalSchedule.ramp(100, 300, Duration.ofSeconds(1)).thenConstant(300, Duration.ofSeconds(1)))
                .withWarmUp(Duration.ofMillis(200)).withRequestTimeout(Duration.ofSeconds(2));

        List<RunMeasurements> parts = runParts(plan, 3, user -> user.http().get("ok", "/ok"));

        long due = Math.round(plan.arrivals().expectedArrivals());
        assertThat(parts.stream().mapToLong(RunMeasurements::scheduledIterations).sum()).isBetween(due - 1, due + 1);
        // An arrival due just before the measured phase whose request starts just inside it counts as a request
        // but not as a measured iteration: at most one such arrival per part at these rates.
        long iterations = parts.stream().mapToLong(RunMeasurements::iterations).sum();
        assertThat(parts.stream().mapToLong(p -> p.total().requestCount()).sum()).isBetween(iterations - 3, iterations + 3);
        assertThat(parts.stream().mapToLong(RunMeasurements::droppedIterations).sum()).isZero();
        // every part took a third of the arrivals, give or take one
        for (RunMeasurements part : parts) {
            assertThat(part.scheduledIterations()).isBetween(due / 3 - 1, due / 3 + 1);
        }
        long warmUp = Math.round(plan.timeline().expectedArrivals()) - due;
        assertThat(served.get()).isBetween(due + warmUp - 2, due + warmUp + 2);
    }

    @Test
    void eachUserRunsInOnePartAndTheMergedResultIsTheRunsOwn() {
        LoadPlan plan = LoadPlan.of(UserSchedule.ramp(0, 6, Duration.ofMillis(600)).thenHold(6, Duration.ofMillis(900)))
                .withThinkTime(Duration.ofMillis(5)).withRequestTimeout(Duration.ofSeconds(2));

        List<RunMeasurements> parts = runParts(plan, 3, user -> {
            users.put(user.id(), Boolean.TRUE);
            user.http().get("ok", "/ok");
        });

        assertThat(users.keySet()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        List<LoadTestResult> results = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            LoadTestResult result = ResultOfRun.judged("SplitIT.split", plan, parts.get(i), RunEnvironment.current(null));
            assertThat(result.segment()).isEqualTo(new SegmentSummary(i, 3));
            assertThat(result.total().windows()).allSatisfy(window -> assertThat(window.histogram()).isNotNull());
            assertThat(result.timeSeries()).allSatisfy(second -> assertThat(second.histogram()).isNotNull());
            results.add(result);
        }
        LoadTestResult whole = ResultMerge.of(results);

        long requests = parts.stream().mapToLong(p -> p.total().requestCount()).sum();
        assertThat(whole.total().requests()).isEqualTo(requests).isPositive();
        // The server's own count, warm-up none. A request counts by when it began: one begun after the end by an
        // iteration begun just before it (at most one per user) reaches the server but not the result.
        assertThat(served.get()).as("the server's own count").isBetween(requests, requests + 6);
        Histogram together = new Histogram(LatencySummary.HIGHEST_TRACKABLE_MICROS, 3);
        parts.forEach(p -> together.add(p.total().latencyMicros()));
        assertThat(whole.total().latencyMs()).isEqualTo(LatencySummary.of(together));
        assertThat(HistogramCodec.decode(whole.total().histogram()).getTotalCount()).isEqualTo(together.getTotalCount());
        assertThat(whole.total().windows()).hasSize(4);
        assertThat(whole.total().windows().stream().mapToLong(w -> w.requests()).sum()).isEqualTo(requests);
        assertThat(whole.timeSeries().stream().filter(s -> !s.warmUp()).mapToLong(s -> s.requests()).sum()).isEqualTo(requests);
        assertThat(results).allSatisfy(part -> assertThat(part.stages().steps()).allSatisfy(step -> assertThat(step.histogram()).isNotNull()));
        assertThat(whole.stages().steps()).as("the ramp, then the hold").hasSize(2).allSatisfy(step -> assertThat(step.histogram()).isNull());
        for (int i = 0; i < 2; i++) {
            int stage = i;
            Histogram stageTogether = new Histogram(2);
            results.forEach(part -> stageTogether.add(HistogramCodec.decode(part.stages().steps().get(stage).histogram())));
            assertThat(whole.stages().steps().get(i).requests()).as("stage %d", i)
                    .isEqualTo(results.stream().mapToLong(part -> part.stages().steps().get(stage).requests()).sum());
            assertThat(whole.stages().steps().get(i).p95()).as("stage %d", i)
                    .isEqualTo(stageTogether.getTotalCount() == 0 ? 0 : stageTogether.getValueAtPercentile(95) / 1000.0);
        }
        assertThat(whole.stages().steps().stream().mapToLong(step -> step.requests()).sum()).isEqualTo(requests);
    }

    @Test
    void aWholeRunKeepsNoHistogramsOfWindowsOrSeconds() {
        LoadPlan plan = new LoadPlan(2, Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(2));

        LoadTestResult result = ResultOfRun.judged("WholeIT.whole", plan,
                new LoadEngine(4).run(plan, server.uri(), user -> user.http().get("ok", "/ok")), RunEnvironment.current(null));

        assertThat(result.segment()).isNull();
        assertThat(result.total().windows()).allSatisfy(window -> assertThat(window.histogram()).isNull());
        assertThat(result.timeSeries()).allSatisfy(second -> assertThat(second.histogram()).isNull());
    }

    @Test
    void anInterleavedRunIsNotSplit() {
        LoadPlan plan = new LoadPlan(2, Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(2));
        URI target = server.uri();

        assertThatThrownBy(() -> new LoadEngine().forSegment(new Segment(0, 2, null))
                .runInterleaved(plan, List.of(target, target), 1, user -> { }, RunListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one load generator");
    }
}
