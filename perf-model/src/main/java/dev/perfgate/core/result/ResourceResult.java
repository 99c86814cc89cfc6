package dev.perfgate.core.result;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * CPU and memory of the application's container during the measured phase, as {@code docker stats}
 * reports them, sampled about once a second.
 *
 * @param samples        samples taken in the measured phase
 * @param cpuPercent     CPU use in percent of one core (200 = two cores busy): {@code mean}, {@code p95},
 *                       {@code max} over the samples; {@code null} when no sample had a CPU reading
 * @param memoryMiB      memory in use without the page cache (as {@code docker stats} shows it), MiB:
 *                       {@code mean} and {@code max}
 * @param memoryLimitMiB the container's memory limit, MiB: the machine's memory when none is set;
 *                       {@code null} when the engine did not say
 * @param series         every sample in time order
 */
public record ResourceResult(int samples, CpuFigures cpuPercent, MemoryFigures memoryMiB, Double memoryLimitMiB,
        List<ResourceSample> series) {

    public ResourceResult {
        series = series == null ? List.of() : List.copyOf(series);
    }

    /**
     * The figures of {@code series}, or {@code null} when it is empty.
     *
     * @param series         samples of the measured phase in time order
     * @param memoryLimitMiB the memory limit, or {@code null}
     */
    public static ResourceResult of(List<ResourceSample> series, Double memoryLimitMiB) {
        if (series.isEmpty()) {
            return null;
        }
        double[] cpu = series.stream().map(ResourceSample::cpuPercent).filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                .sorted().toArray();
        CpuFigures cpuFigures = cpu.length == 0 ? null
                : new CpuFigures(hundredths(Arrays.stream(cpu).average().orElseThrow()), hundredths(nearestRank(cpu, 0.95)),
                        hundredths(cpu[cpu.length - 1]));
        double[] memory = series.stream().mapToDouble(ResourceSample::memoryMiB).toArray();
        MemoryFigures memoryFigures = new MemoryFigures(hundredths(Arrays.stream(memory).average().orElseThrow()),
                hundredths(Arrays.stream(memory).max().orElseThrow()));
        return new ResourceResult(series.size(), cpuFigures, memoryFigures,
                memoryLimitMiB == null ? null : hundredths(memoryLimitMiB), series);
    }

    /** One line for logs, e.g. {@code "app container: CPU mean 41.2 %, p95 88.0 %, max 97.1 %; memory mean 81.0 MiB, max 84.2 MiB of 512.0 MiB (30 samples)"}. */
    public String describe() {
        String cpu = cpuPercent == null ? "CPU not reported"
                : String.format(Locale.ROOT, "CPU mean %.1f %%, p95 %.1f %%, max %.1f %%", cpuPercent.mean(), cpuPercent.p95(),
                        cpuPercent.max());
        String limit = memoryLimitMiB == null ? "" : String.format(Locale.ROOT, " of %.1f MiB", memoryLimitMiB);
        return String.format(Locale.ROOT, "app container: %s; memory mean %.1f MiB, max %.1f MiB%s (%d samples)", cpu,
                memoryMiB.mean(), memoryMiB.max(), limit, samples);
    }

    private static double nearestRank(double[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double hundredths(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** CPU use in percent of one core. */
    public record CpuFigures(double mean, double p95, double max) {
    }

    /** Memory in use, MiB. */
    public record MemoryFigures(double mean, double max) {
    }

    /**
     * One sample.
     *
     * @param atSecond   seconds since the measured phase began
     * @param cpuPercent CPU use since the previous reading, percent of one core; {@code null} when unknown
     * @param memoryMiB  memory in use without the page cache, MiB
     */
    public record ResourceSample(double atSecond, Double cpuPercent, double memoryMiB) {
    }
}
