package dev.perfgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.perfgate.core.testing.LoopbackHttpServer;

/**
 * Users on virtual threads where the JVM has them (Java 21+), a clear refusal where it does not. The
 * build runs this on Java 17; run it on Java 21+ to see the other half (see docs/decisions.md, "Threads,
 * virtual threads and many users").
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UserThreadsTest {

    private static final boolean JAVA_21 = Runtime.version().feature() >= 21;

    @AfterEach
    void clearProperty() {
        System.clearProperty(UserThreads.PROPERTY);
    }

    @Test
    void virtualThreadsAreAvailableExactlyFromJava21() {
        assertThat(UserThreads.virtualAvailable()).isEqualTo(JAVA_21);
    }

    @Test
    void closedModelUsersRunOnVirtualThreadsOnJava21AndAreRefusedBefore() throws Exception {
        if (!JAVA_21) {
            assertThatThrownBy(() -> new LoadEngine().withUserThreads(UserThreads.VIRTUAL))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("virtual threads need Java 21 or later");
            System.setProperty(UserThreads.PROPERTY, "true");
            assertThatThrownBy(LoadEngine::new).hasMessageContaining("system property " + UserThreads.PROPERTY);
            return;
        }
        Set<Boolean> virtual = ConcurrentHashMap.newKeySet();
        Method isVirtual = Thread.class.getMethod("isVirtual");
        try (LoopbackHttpServer server = LoopbackHttpServer.start().answer("/ok", 200, "ok")) {
            LoadPlan plan = new LoadPlan(50, Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(5), ThinkTime.NONE, 20);
            RunMeasurements measured = new LoadEngine().withUserThreads(UserThreads.VIRTUAL).run(plan, server.url(""), user -> {
                virtual.add((Boolean) isVirtual.invoke(Thread.currentThread()));
                user.http().get("ok", "/ok");
            });
            assertThat(virtual).containsExactly(true);
            assertThat(measured.total().requestCount()).isEqualTo(50 * 20);
            assertThat(measured.total().errorCount()).isZero();
        }
    }

    @Test
    void platformThreadsAreTheDefaultAndAnUnclearPropertyIsRefused() throws IOException {
        assertThat(UserThreads.fromProperty()).isEqualTo(UserThreads.PLATFORM);
        System.setProperty(UserThreads.PROPERTY, "yes");
        assertThatThrownBy(UserThreads::fromProperty).hasMessageContaining("'yes' must be true or false");
    }
}
