package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class AppWatchTest {

    private final RunStop stop = new RunStop(user -> { }, false);

    @Test
    void stopsTheRunWhenTheContainerIsGone() throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        try (AppWatch watch = AppWatch.start(running::get, stop)) {
            running.set(false);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (stop.reason() == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertThat(stop.reason()).isEqualTo("the application container stopped during the run");
    }

    @Test
    void closingLetsAQuestionUnderWayFinishUninterrupted() throws InterruptedException {
        CountDownLatch asking = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean answered = new AtomicBoolean();
        AppWatch watch = AppWatch.start(() -> {
            asking.countDown();
            try {
                Thread.sleep(300); // a Docker engine answering slowly
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            answered.set(true);
            return false; // the container went away as the run ended: the teardown's, not a failure
        }, stop);
        assertThat(asking.await(5, TimeUnit.SECONDS)).isTrue();

        watch.close();

        assertThat(interrupted).isFalse();
        assertThat(answered).as("close waits for the question under way").isTrue();
        assertThat(stop.reason()).isNull();
    }

    @Test
    void asksNoMoreOnceClosed() throws InterruptedException {
        AtomicInteger questions = new AtomicInteger();
        AppWatch watch = AppWatch.start(() -> {
            questions.incrementAndGet();
            return true;
        }, stop);
        watch.close();
        int asked = questions.get();

        Thread.sleep(3 * AppWatch.INTERVAL.toMillis());

        assertThat(questions.get()).isEqualTo(asked);
        assertThat(stop.reason()).isNull();
    }
}
