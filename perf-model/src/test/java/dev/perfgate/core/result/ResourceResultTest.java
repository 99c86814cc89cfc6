package dev.perfgate.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ResourceResultTest {

    @Test
    void summarizesCpuOverTheSamplesWithAReadingAndMemoryOverAll() {
        List<ResourceResult.ResourceSample> series = new ArrayList<>();
        series.add(new ResourceResult.ResourceSample(0.1, null, 100));
        for (int i = 1; i <= 20; i++) {
            series.add(new ResourceResult.ResourceSample(i, (double) i * 10, 100 + i));
        }

        ResourceResult result = ResourceResult.of(series, 1024.0);

        assertThat(result.samples()).isEqualTo(21);
        assertThat(result.cpuPercent().mean()).isEqualTo(105.0);
        assertThat(result.cpuPercent().p95()).isEqualTo(190.0);
        assertThat(result.cpuPercent().max()).isEqualTo(200.0);
        assertThat(result.memoryMiB().max()).isEqualTo(120.0);
        assertThat(result.memoryMiB().mean()).isEqualTo(Math.round(2310.0 / 21 * 100) / 100.0);
        assertThat(result.memoryLimitMiB()).isEqualTo(1024.0);
        assertThat(result.describe()).contains("CPU mean 105.0 %", "p95 190.0 %", "max 120.0 MiB of 1024.0 MiB", "21 samples");
    }

    @Test
    void noSamplesNoFiguresAndNoCpuReadingNoCpuFigures() {
        assertThat(ResourceResult.of(List.of(), 10.0)).isNull();

        ResourceResult memoryOnly = ResourceResult.of(List.of(new ResourceResult.ResourceSample(0, null, 50)), null);

        assertThat(memoryOnly.cpuPercent()).isNull();
        assertThat(memoryOnly.memoryLimitMiB()).isNull();
        assertThat(memoryOnly.describe()).contains("CPU not reported", "max 50.0 MiB (1 samples)");
    }
}
