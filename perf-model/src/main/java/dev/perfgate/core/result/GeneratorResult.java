package dev.perfgate.core.result;

import java.util.Locale;

/**
 * What the load generator itself cost in the measured phase: the CPU time of its whole process (the test's JVM:
 * virtual users, recording, the JIT, the garbage collector). The generator shares the machine with the
 * application it measures, so every core-second it spends is one the application did not get; a generator
 * busier than the application's share of the machine shows up in the gate as noise.
 *
 * <pre>{@code
 * GeneratorResult cost = GeneratorResult.of(2_100_000_000L, 10.0, 42_000, 2);
 * cost.describe(); // "load generator: CPU 0.21 of 2 cores, 50.0 us per request"
 * }</pre>
 *
 * @param cpuSeconds          the process's CPU time in the measured phase, all its threads together
 * @param coresUsed           {@code cpuSeconds} per second of the phase: 1.0 is one core busy all the time
 * @param cpuMicrosPerRequest CPU time per request of the phase, in microseconds; 0 without requests
 * @param cores               the cores the process could use
 */
public record GeneratorResult(double cpuSeconds, double coresUsed, double cpuMicrosPerRequest, int cores) {

    /**
     * The cost of {@code cpuNanos} of CPU time over a phase of {@code seconds} that sent {@code requests}, on a
     * machine of {@code cores} cores; {@code null} when the phase did not last.
     */
    public static GeneratorResult of(long cpuNanos, double seconds, long requests, int cores) {
        if (seconds <= 0 || cpuNanos < 0) {
            return null;
        }
        double cpu = cpuNanos / 1e9;
        return new GeneratorResult(Math.round(cpu * 1000) / 1000.0, Math.round(cpu / seconds * 1000) / 1000.0,
                requests == 0 ? 0 : Math.round(cpuNanos / 1e3 / requests * 10) / 10.0, cores);
    }

    /** One line for the console, e.g. {@code "load generator: CPU 0.21 of 2 cores, 50.0 us per request"}. */
    public String describe() {
        return "load generator: CPU " + figures();
    }

    /** The figures alone, e.g. {@code "0.21 of 2 cores, 50.0 us per request"}. */
    public String figures() {
        return String.format(Locale.ROOT, "%.2f of %d %s, %.1f us per request", coresUsed, cores, cores == 1 ? "core" : "cores",
                cpuMicrosPerRequest);
    }
}
