package dev.perfgate.core.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.perfgate.core.result.GeneratorResult;

/**
 * The CPU time the load generator's own process spends in a run's measured phase: read when the phase starts
 * and when it ends, on time, by a timer thread of its own. The whole process counts (users, recording, the JIT,
 * the garbage collector), because all of it competes with the application for the machine.
 *
 * <pre>{@code
 * try (GeneratorCpu cpu = new GeneratorCpu()) {
 *     RunMeasurements measured = new LoadEngine().run(plan, target, scenario, cpu);
 *     GeneratorResult cost = cpu.result(measured.total().requestCount());
 * }
 * }</pre>
 */
public final class GeneratorCpu implements RunListener, AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "perfgate-generator-cpu");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Reading atStart;
    private volatile Reading atEnd;

    /** One reading: the process's CPU time and when it was read, both in nanoseconds. */
    private record Reading(long cpuNanos, long atNanos) {
    }

    /** Schedules the readings at the start and the end of {@code run}'s measured phase. */
    @Override
    public void started(LiveRun run) {
        measure(run.measuredStartNanos(), run.measuredEndNanos());
    }

    /** Schedules the readings at {@code startNanos} and {@code endNanos}, on {@link System#nanoTime()}'s clock. */
    public void measure(long startNanos, long endNanos) {
        long now = System.nanoTime();
        timer.schedule(() -> atStart = read(), Math.max(0, startNanos - now), TimeUnit.NANOSECONDS);
        timer.schedule(() -> atEnd = read(), Math.max(0, endNanos - now), TimeUnit.NANOSECONDS);
    }

    /**
     * What the process cost in the measured phase that sent {@code requests}: up to its end, or up to now when the
     * run ended early; {@code null} when the phase never began or the JVM cannot tell its process's CPU time.
     */
    public GeneratorResult result(long requests) {
        Reading start = atStart;
        Reading end = atEnd != null ? atEnd : read();
        if (start == null || start.cpuNanos() < 0 || end.cpuNanos() < 0) {
            return null;
        }
        return GeneratorResult.of(end.cpuNanos() - start.cpuNanos(), (end.atNanos() - start.atNanos()) / 1e9, requests,
                Runtime.getRuntime().availableProcessors());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static Reading read() {
        return new Reading(processCpuNanos(), System.nanoTime());
    }

    /** The process's CPU time so far, all threads, or -1 on a JVM that cannot tell. */
    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean hotspot ? hotspot.getProcessCpuTime() : -1;
    }
}
