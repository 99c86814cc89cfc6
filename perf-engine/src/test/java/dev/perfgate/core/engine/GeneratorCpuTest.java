package dev.perfgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.result.GeneratorResult;
import dev.perfgate.core.testing.LoopbackHttpServer;

/** The generator's own CPU in a real run's measured phase: more for a scenario that burns it than for one that waits. */
class GeneratorCpuTest {

    @Test
    void aScenarioThatSpinsBetweenRequestsCostsTheGeneratorMoreThanOneThatSleeps() throws Exception {
        try (LoopbackHttpServer server = LoopbackHttpServer.start()) {
            server.answer("/ok", 200, "ok");
            GeneratorResult sleeping = cost(server, user -> {
                user.http().get(server.url("/ok").getPath());
                Thread.sleep(20);
            });
            GeneratorResult spinning = cost(server, user -> {
                user.http().get(server.url("/ok").getPath());
                long until = System.nanoTime() + 20_000_000;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            });

            assertThat(sleeping).isNotNull();
            assertThat(spinning).isNotNull();
            // one user spinning 20 ms of every ~20 ms keeps a core busy; sleeping, it keeps next to none
            assertThat(spinning.coresUsed()).isGreaterThan(sleeping.coresUsed() + 0.3);
            assertThat(spinning.cpuMicrosPerRequest()).isGreaterThan(sleeping.cpuMicrosPerRequest() * 2);
            assertThat(spinning.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(spinning.coresUsed()).isCloseTo(spinning.cpuSeconds() / 2.0, within(spinning.coresUsed() * 0.2));
        }
    }

    private static GeneratorResult cost(LoopbackHttpServer server, Scenario scenario) {
        LoadPlan plan = new LoadPlan(1, Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(2));
        try (GeneratorCpu cpu = new GeneratorCpu()) {
            RunMeasurements measured = new LoadEngine().run(plan, server.url("/"), scenario, cpu);
            return cpu.result(measured.total().requestCount());
        }
    }
}
