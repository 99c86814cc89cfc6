import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import dev.perfgate.core.engine.GeneratorCpu;
import dev.perfgate.core.engine.LoadEngine;
import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.result.GeneratorResult;

/**
 * The thread-per-user engine every @LoadTest runs (a socket per user, or the JDK client with
 * -Dperfgate.connections=jdk) on the same load as bench/vs-wrk.sh, printing a
 * wrk-like "Requests/sec:" line, so the candidates can be compared on one machine. Run as a
 * single-file program on the CLI jar's classpath:
 * <pre>
 * java -cp perf-cli/target/perfgate-cli.jar bench/EngineRate.java http://127.0.0.1:18080/hello 64 10 2
 * </pre>
 */
public class EngineRate {
    public static void main(String[] args) {
        URI url = URI.create(args[0]);
        int users = Integer.parseInt(args[1]);
        LoadPlan plan = new LoadPlan(users, Duration.ofSeconds(Long.parseLong(args[3])), Duration.ofSeconds(Long.parseLong(args[2])),
                Duration.ofSeconds(5));
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
        if (cost != null) {
            System.out.printf(Locale.ROOT, "Generator CPU: %.2f cores, %.2f us per request%n", cost.coresUsed(), cost.cpuMicrosPerRequest());
        }
    }
}
