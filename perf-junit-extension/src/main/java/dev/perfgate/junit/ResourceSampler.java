package dev.perfgate.junit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.testcontainers.DockerClientFactory;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.StatsConfig;

import dev.perfgate.core.result.ResourceResult;

/**
 * Samples the CPU and memory of the application's container from the Docker engine's stats stream
 * (about one reading a second), computed as {@code docker stats} does. Never fails the test: a Docker
 * error is logged and leaves no figures; readings are bounded in number and the stream is closed
 * within {@value #CLOSE_TIMEOUT_SECONDS} s.
 */
final class ResourceSampler implements AutoCloseable {

    /** Test seam: the container id actually asked for, e.g. one that does not exist. */
    static volatile UnaryOperator<String> containerIdSeam = UnaryOperator.identity();

    static final int CLOSE_TIMEOUT_SECONDS = 2;
    /** A day of readings at one a second. */
    private static final int MAX_READINGS = 86_400;
    private static final double MIB = 1024 * 1024;

    private final String containerId;
    private final List<Reading> readings = new ArrayList<>();
    private final ResultCallback.Adapter<Statistics> stream = new ResultCallback.Adapter<>() {
        @Override
        public void onNext(Statistics statistics) {
            record(statistics);
        }

        @Override
        public void onError(Throwable error) {
            // Kept and reported once by result(); the template would log it with its stack trace.
            failure = error;
            try {
                close();
            } catch (IOException e) {
                // the stream ends either way
            }
        }
    };
    private volatile Throwable failure;
    private long previousCpuNanos = -1;
    private long previousSystemNanos = -1;

    private ResourceSampler(String containerId) {
        this.containerId = containerId;
    }

    /** Starts sampling {@code containerId}; a failure to start is kept and reported by {@link #result}. */
    static ResourceSampler start(String containerId) {
        ResourceSampler sampler = new ResourceSampler(containerIdSeam.apply(containerId));
        try {
            DockerClientFactory.instance().client().statsCmd(sampler.containerId).exec(sampler.stream);
        } catch (RuntimeException e) {
            sampler.failure = e;
        }
        return sampler;
    }

    /**
     * Stops sampling and returns the readings taken from {@code fromNanos} to {@code toNanos}
     * ({@link System#nanoTime()}), or {@code null} (logged) when Docker gave none.
     */
    ResourceResult result(long fromNanos, long toNanos) {
        close();
        List<ResourceResult.ResourceSample> series = new ArrayList<>();
        Double limitMiB = null;
        synchronized (readings) {
            for (Reading reading : readings) {
                if (reading.nanos - fromNanos >= 0 && reading.nanos - toNanos <= 0) {
                    series.add(new ResourceResult.ResourceSample(Math.round((reading.nanos - fromNanos) / 1e7) / 100.0,
                            reading.cpuPercent, reading.memoryBytes / MIB));
                    if (reading.limitBytes != null) { // not a ternary: "? limitMiB : double" would unbox a null limitMiB
                        limitMiB = reading.limitBytes / MIB;
                    }
                }
            }
        }
        if (series.isEmpty()) {
            Throwable error = failure;
            Console.warn("no CPU and memory figures of the app container (" + containerId + ")"
                    + (error == null ? ": the Docker engine sent no stats in the measured phase" : ": " + error));
            return null;
        }
        return ResourceResult.of(series, limitMiB);
    }

    /** Closes the stats stream, waiting at most {@value #CLOSE_TIMEOUT_SECONDS} s. */
    @Override
    public void close() {
        try {
            CompletableFuture.runAsync(() -> {
                try {
                    stream.close();
                } catch (Exception e) {
                    // closing only ends the stream
                }
            }).get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // timed out or failed: the stream's thread is a daemon and ends with the container
        }
    }

    private void record(Statistics statistics) {
        try {
            Reading reading = readingOf(statistics);
            synchronized (readings) {
                if (readings.size() < MAX_READINGS) {
                    readings.add(reading);
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** One reading: CPU against the previous one (or the engine's), memory without the page cache. */
    private Reading readingOf(Statistics statistics) {
        long now = System.nanoTime();
        CpuStatsConfig cpu = statistics.getCpuStats();
        Double cpuPercent = null;
        if (cpu != null && cpu.getCpuUsage() != null && cpu.getCpuUsage().getTotalUsage() != null && cpu.getSystemCpuUsage() != null) {
            long cpuNanos = cpu.getCpuUsage().getTotalUsage();
            long systemNanos = cpu.getSystemCpuUsage();
            CpuStatsConfig before = statistics.getPreCpuStats();
            long previousCpu = previousCpuNanos;
            long previousSystem = previousSystemNanos;
            if (previousCpu < 0 && before != null && before.getCpuUsage() != null && before.getCpuUsage().getTotalUsage() != null
                    && before.getSystemCpuUsage() != null && before.getSystemCpuUsage() > 0) {
                previousCpu = before.getCpuUsage().getTotalUsage();
                previousSystem = before.getSystemCpuUsage();
            }
            cpuPercent = cpuPercent(cpuNanos - previousCpu, systemNanos - previousSystem, onlineCpus(cpu), previousCpu >= 0);
            previousCpuNanos = cpuNanos;
            previousSystemNanos = systemNanos;
        }
        MemoryStatsConfig memory = statistics.getMemoryStats();
        long usage = memory == null || memory.getUsage() == null ? 0 : memory.getUsage();
        Long limit = memory == null ? null : memory.getLimit();
        return new Reading(now, cpuPercent, memoryWithoutCache(usage, memory == null ? null : memory.getStats()), limit);
    }

    /** {@code docker stats}: (container CPU delta / machine CPU delta) x online CPUs x 100; null without a previous reading. */
    static Double cpuPercent(long cpuDeltaNanos, long systemDeltaNanos, long onlineCpus, boolean hasPrevious) {
        if (!hasPrevious || systemDeltaNanos <= 0) {
            return null;
        }
        return cpuDeltaNanos <= 0 ? 0.0 : (double) cpuDeltaNanos / systemDeltaNanos * onlineCpus * 100.0;
    }

    private static long onlineCpus(CpuStatsConfig cpu) {
        if (cpu.getOnlineCpus() != null && cpu.getOnlineCpus() > 0) {
            return cpu.getOnlineCpus();
        }
        List<Long> perCpu = cpu.getCpuUsage().getPercpuUsage();
        return perCpu == null || perCpu.isEmpty() ? 1 : perCpu.size();
    }

    /** {@code docker stats}: usage minus {@code total_inactive_file} (cgroup v1) or {@code inactive_file} (v2). */
    static long memoryWithoutCache(long usage, StatsConfig stats) {
        if (stats == null) {
            return usage;
        }
        Long cgroup1 = stats.getTotalInactiveFile();
        if (cgroup1 != null && cgroup1 < usage) {
            return usage - cgroup1;
        }
        Long cgroup2 = stats.getInactiveFile();
        if (cgroup2 != null && cgroup2 < usage) {
            return usage - cgroup2;
        }
        return usage;
    }

    private record Reading(long nanos, Double cpuPercent, long memoryBytes, Long limitBytes) {
    }
}
