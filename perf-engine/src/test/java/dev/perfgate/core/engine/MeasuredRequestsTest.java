package dev.perfgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.http.ErrorKind;

class MeasuredRequestsTest {

    private static final long MS = 1_000_000;

    // Warm-up from 0 to 100 ms, measured phase from 100 ms to 1100 ms.
    private final RunPhases phase = RunPhases.begun(0, Duration.ofMillis(100), Duration.ofMillis(1_000));
    private final MeasuredRequests requests = new MeasuredRequests(phase, new RunWindows(10, phase));

    @Test
    void countsOnlyRequestsThatStartedInTheMeasuredPhase() {
        requests.record("get", 50 * MS, 2 * MS, null);
        requests.record("get", 100 * MS, 2 * MS, null);
        requests.record("get", 1_099 * MS, 2 * MS, ErrorKind.TIMEOUT);
        requests.record("get", 1_100 * MS, 2 * MS, null);

        OperationStats get = requests.byOperation().get("get");
        assertThat(get.latencyMicros().getTotalCount()).isEqualTo(1);
        assertThat(get.errors()).isEqualTo(Map.of(ErrorKind.TIMEOUT, 1L));
    }

    @Test
    void manyThreadsRecordingAtOnceLoseNothing() throws InterruptedException {
        int threads = 16;
        int each = 20_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread recording = new Thread(() -> {
                awaitQuietly(go);
                for (int i = 0; i < each; i++) {
                    long start = (100 + i % 1_000) * MS;
                    String operation = i % 2 == 0 ? "even" : "odd";
                    if (i % 100 == 0) {
                        requests.record(operation, start, MS, ErrorKind.HTTP_5XX);
                    } else if (i % 100 == 1) {
                        requests.recordFailedCheck(operation, start, MS, "check of thread " + thread);
                    } else {
                        requests.record(operation, start, (1 + i % 50) * MS, null);
                    }
                }
            });
            recording.start();
            started.add(recording);
        }
        go.countDown();
        for (Thread thread : started) {
            thread.join();
        }

        OperationStats even = requests.byOperation().get("even");
        OperationStats odd = requests.byOperation().get("odd");
        long failedEach = each / 100;
        assertThat(even.requestCount() + odd.requestCount()).isEqualTo((long) threads * each);
        assertThat(even.errors()).isEqualTo(Map.of(ErrorKind.HTTP_5XX, threads * failedEach));
        assertThat(odd.errors()).isEqualTo(Map.of(ErrorKind.CHECK, threads * failedEach));
        assertThat(odd.firstCheckFailure()).startsWith("check of thread ");
        assertThat(even.latencyMicros().getTotalCount()).isEqualTo(threads * (each / 2 - failedEach));
        // Latencies 1 to 50 ms: every thread recorded the same ones, so the median is the single thread's.
        assertThat(even.latencyMicros().getValueAtPercentile(50) / 1000.0).isBetween(24.9, 26.1);
    }

    @Test
    void mergingAddsFiguresAndKeepsTheFirstCheckFailure() {
        OperationStats one = new OperationStats();
        one.recordSuccess(3 * MS);
        one.recordFailedCheck("first");
        OperationStats two = new OperationStats();
        two.recordError(ErrorKind.CONNECTION);
        two.recordFailedCheck("second");

        OperationStats merged = new OperationStats();
        merged.add(one);
        merged.add(two);

        assertThat(merged.requestCount()).isEqualTo(4);
        assertThat(merged.errors()).isEqualTo(Map.of(ErrorKind.CHECK, 2L, ErrorKind.CONNECTION, 1L));
        assertThat(merged.firstCheckFailure()).isEqualTo("first");
        assertThat(merged.latencyMicros().getMaxValue()).isBetween(2_990L, 3_010L);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
