package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.StatsConfig;

import dev.perfgate.core.engine.LiveFigures;

/** The progress line and the {@code docker stats} arithmetic, without Docker. */
class ProgressLineTest {

    @Test
    void closedModelLineNamesUsersRateP95AndErrors() {
        LiveFigures figures = new LiveFigures(LiveFigures.Phase.MEASURED, Duration.ofMillis(12_400), Duration.ofSeconds(30), 10_000,
                5, 812.44, 14.23, false, 8, 10_000, 812.44, 0);

        assertThat(ProgressReporter.line("GreetingLoadIT.greeting", figures))
                .isEqualTo("GreetingLoadIT.greeting 00:12/00:30 measured, 8 users, 812.4 req/s, p95 14.2 ms, errors 5 (0.05 %)");
    }

    @Test
    void warmUpLineHasNoMeasuredFiguresAndOpenModelLineNamesArrivalsInFlightAndDrops() {
        LiveFigures warmUp = new LiveFigures(LiveFigures.Phase.WARM_UP, Duration.ofSeconds(1), Duration.ofSeconds(2), 300, 0, 300,
                Double.NaN, false, 1, 0, 0, 0);
        LiveFigures open = new LiveFigures(LiveFigures.Phase.MEASURED, Duration.ofSeconds(65), Duration.ofSeconds(120), 2_600, 0,
                40.0, Double.NaN, true, 3, 2_600, 40.0, 7);

        assertThat(ProgressReporter.line("T.t", warmUp)).isEqualTo("T.t 00:01/00:02 warm-up, 1 user, 300.0 req/s");
        assertThat(ProgressReporter.line("T.t", open))
                .isEqualTo("T.t 01:05/02:00 measured, arrivals 40.0/s, 3 in flight, dropped 7, 40.0 req/s, p95 -, errors 0 (0.00 %)");
    }

    @Test
    void cpuAndMemoryAreComputedAsDockerStatsDoes() throws Exception {
        assertThat(ResourceSampler.cpuPercent(50, 1_000, 2, true)).isEqualTo(10.0);
        assertThat(ResourceSampler.cpuPercent(50, 1_000, 2, false)).as("no previous reading").isNull();
        assertThat(ResourceSampler.cpuPercent(0, 1_000, 2, true)).isZero();

        ObjectMapper json = new ObjectMapper();
        StatsConfig cgroup1 = json.readValue("{\"total_inactive_file\": 300, \"inactive_file\": 100}", StatsConfig.class);
        StatsConfig cgroup2 = json.readValue("{\"inactive_file\": 100}", StatsConfig.class);
        assertThat(ResourceSampler.memoryWithoutCache(1_000, cgroup1)).isEqualTo(700);
        assertThat(ResourceSampler.memoryWithoutCache(1_000, cgroup2)).isEqualTo(900);
        assertThat(ResourceSampler.memoryWithoutCache(50, cgroup2)).as("inactive beyond usage").isEqualTo(50);
        assertThat(ResourceSampler.memoryWithoutCache(1_000, null)).isEqualTo(1_000);
    }
}
