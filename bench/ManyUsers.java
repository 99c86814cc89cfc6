import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.perfgate.core.engine.LoadEngine;
import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.engine.ThinkTime;
import dev.perfgate.core.engine.UserSchedule;

/**
 * What many closed-model virtual users with think time cost the test JVM: the engine @LoadTest runs
 * ramps {@code users} users up over 20 s and holds them for 40 s, each pausing 5 to 15 s (uniform)
 * between requests. The live heap (heap in use right after a full collection this program asks for)
 * is read before the run, after a short warm-up run has loaded and compiled the engine, and every
 * 5 s while all users are active; the cost per user is the hold's median live heap minus the idle one,
 * over the users. Also resident memory, platform threads and the rate achieved. Single-file program
 * on the CLI jar's classpath (see bench/many-users.sh):
 * <pre>
 * java -Xmx2g -cp perf-cli/target/perfgate-cli.jar bench/ManyUsers.java http://127.0.0.1:18082/hello 10000
 * </pre>
 */
public class ManyUsers {

    private static final Duration RAMP = Duration.ofSeconds(20);
    private static final Duration HOLD = Duration.ofSeconds(40);

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int users = Integer.parseInt(args[1]);
        URI base = url.resolve("/");
        String path = url.getRawPath();

        // Loads and compiles what the measured run uses, so that the idle figure is the engine's, not the JVM's start.
        new LoadEngine().run(new LoadPlan(10, Duration.ZERO, Duration.ofSeconds(3), Duration.ofSeconds(5)), base,
                user -> user.http().get(path));
        double idleMiB = liveHeapMiB();

        LoadPlan plan = LoadPlan.of(UserSchedule.ramp(0, users, RAMP).thenHold(users, HOLD))
                .withThinkTime(ThinkTime.uniform(Duration.ofSeconds(5), Duration.ofSeconds(15)))
                .withRequestTimeout(Duration.ofSeconds(5));
        List<double[]> held = new ArrayList<>();
        Thread sampler = new Thread(() -> {
            try {
                Thread.sleep(RAMP.plusSeconds(5).toMillis());
                while (true) {
                    double live = liveHeapMiB();
                    synchronized (held) {
                        held.add(new double[] {live, ManagementFactory.getThreadMXBean().getThreadCount()});
                    }
                    Thread.sleep(5_000);
                }
            } catch (InterruptedException e) {
                // the run ended
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        RunMeasurements m = new LoadEngine().run(plan, base, user -> user.http().get(path));
        sampler.interrupt();
        sampler.join();

        double[] live;
        double threads;
        synchronized (held) {
            // The last sample may fall after the users left: keep those taken while all were active.
            List<double[]> during = held.subList(0, Math.max(1, held.size() - 1));
            live = during.stream().mapToDouble(s -> s[0]).toArray();
            threads = during.stream().mapToDouble(s -> s[1]).max().orElse(0);
        }
        double liveMiB = Arrays.stream(live).sorted().toArray()[live.length / 2];
        System.out.printf(Locale.ROOT, "users %d on %s threads, Java %s: %d requests (%d errors) at %.1f/s over the run%n", users,
                System.getProperty("perfgate.virtualThreads", "false").equals("true") ? "virtual" : "platform",
                Runtime.version().feature(), m.total().requestCount(), m.total().errorCount(),
                m.total().requestCount() / (m.ranFor().toNanos() / 1e9));
        System.out.printf(Locale.ROOT, "errors %s; latency p50 %.2f ms, p99 %.2f ms%n", m.total().errors(),
                m.total().latencyMicros().getValueAtPercentile(50) / 1000.0, m.total().latencyMicros().getValueAtPercentile(99) / 1000.0);
        System.out.printf(Locale.ROOT, "live heap: idle %.1f MiB, all users active %.1f MiB (median of %d, in time order: %s)%n", idleMiB, liveMiB,
                live.length, Arrays.toString(Arrays.stream(live).mapToObj(v -> String.format(Locale.ROOT, "%.1f", v)).toArray()));
        System.out.printf(Locale.ROOT, "per user: %.1f KiB of heap; platform threads at most %.0f; peak RSS %s MiB%n",
                (liveMiB - idleMiB) * 1024 / users, threads, peakRssMiB());
    }

    /** Heap in use right after a full collection: what is still reachable. */
    private static double liveHeapMiB() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    private static String peakRssMiB() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> String.format(Locale.ROOT, "%.0f", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0)).findFirst().orElse("?");
    }
}
