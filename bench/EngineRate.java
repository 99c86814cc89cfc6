import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import dev.perfgate.core.engine.ArrivalSchedule;
import dev.perfgate.core.engine.GeneratorCpu;
import dev.perfgate.core.engine.LoadEngine;
import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.OpenLoadPlan;
import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.engine.RunPlan;
import dev.perfgate.core.result.GeneratorResult;

/**
 * The engine every @LoadTest runs (a socket per user, or the JDK client with -Dperfgate.connections=jdk)
 * on the same load as bench/vs-wrk.sh, printing a wrk-like "Requests/sec:" line and the generator's own
 * CPU in the measured phase, so the candidates can be compared on one machine. Closed model: USERS users
 * without think time. Open model (a fifth argument, arrivals per second): a constant rate, at most USERS
 * requests in flight, latency from each arrival's intended start; prints the dropped arrivals and the
 * p50/p99. Run as a single-file program on the CLI jar's classpath:
 * <pre>
 * java -cp perf-cli/target/perfgate-cli.jar bench/EngineRate.java URL USERS SECONDS WARM_UP_SECONDS [RATE]
 * java -cp perf-cli/target/perfgate-cli.jar bench/EngineRate.java http://127.0.0.1:18080/hello 64 10 2
 * java -cp perf-cli/target/perfgate-cli.jar bench/EngineRate.java http://127.0.0.1:18080/hello 64 10 2 5000
 * </pre>
 */
public class EngineRate {
    public static void main(String[] args) {
        URI url = URI.create(args[0]);
        int users = Integer.parseInt(args[1]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[2]));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(args[3]));
        Duration timeout = Duration.ofSeconds(5);
        RunPlan plan = args.length > 4
                ? new OpenLoadPlan(ArrivalSchedule.constant(Double.parseDouble(args[4]), duration), warmUp, timeout, users)
                : new LoadPlan(users, warmUp, duration, timeout);
        URI base = url.resolve("/");
        String path = url.getRawPath();
        RunMeasurements m;
        GeneratorResult cost;
        try (GeneratorCpu cpu = new GeneratorCpu()) {
            m = new LoadEngine().run(plan, base, user -> user.http().get(path), cpu);
            cost = cpu.result(m.total().requestCount());
        }
        double seconds = m.measured().toNanos() / 1e9;
        System.out.printf(Locale.ROOT, "%d requests in %.2fs, %d errors%n", m.total().requestCount(), seconds, m.total().errorCount());
        System.out.printf(Locale.ROOT, "Requests/sec: %.2f%n", m.total().requestCount() / seconds);
        if (args.length > 4) {
            var latency = m.total().latencyMicros();
            System.out.printf(Locale.ROOT, "Dropped arrivals: %d of %d; latency p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                    m.droppedIterations(), m.scheduledIterations(), latency.getValueAtPercentile(50) / 1e3,
                    latency.getValueAtPercentile(99) / 1e3, latency.getMaxValue() / 1e3);
        }
        if (cost != null) {
            System.out.printf(Locale.ROOT, "Generator CPU: %.2f cores, %.2f us per request%n", cost.coresUsed(), cost.cpuMicrosPerRequest());
        }
    }
}
