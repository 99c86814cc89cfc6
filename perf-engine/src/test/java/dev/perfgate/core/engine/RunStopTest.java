package dev.perfgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RunStopTest {

    private final RunStop stop = new RunStop();

    @Test
    void aSleeperWakesAtItsTimeWhenNoStopComes() throws InterruptedException {
        long start = System.nanoTime();

        assertThat(stop.sleepUntil(start + TimeUnit.MILLISECONDS.toNanos(200))).isTrue();

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
    }

    @Test
    void aStopWakesEverySleeperAtOnce() throws Exception {
        long farAway = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        CompletableFuture<Boolean> one = CompletableFuture.supplyAsync(() -> sleep(farAway));
        CompletableFuture<Boolean> two = CompletableFuture.supplyAsync(() -> sleep(farAway));
        Thread.sleep(100);

        long stoppedAt = System.nanoTime();
        stop.request();

        assertThat(one.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(two.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(stop.atNanosOr(0)).isBetween(stoppedAt, System.nanoTime());
        assertThat(stop.sleepUntil(farAway)).as("a stopped run does not sleep again").isFalse();
    }

    @Test
    void actionsWaitingForAStopRunOnceWhenItComesAndAtOnceAfterIt() {
        AtomicInteger before = new AtomicInteger();
        AtomicInteger after = new AtomicInteger();
        stop.onRequest(before::incrementAndGet);
        assertThat(before).hasValue(0);

        stop.request();
        stop.request();
        stop.onRequest(after::incrementAndGet);

        assertThat(before).hasValue(1);
        assertThat(after).hasValue(1);
    }

    private boolean sleep(long until) {
        try {
            return stop.sleepUntil(until);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
