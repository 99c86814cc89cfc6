import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;

import dev.perfgate.core.engine.ArrivalSchedule;
import dev.perfgate.core.engine.LoadEngine;
import dev.perfgate.core.engine.OpenLoadPlan;
import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.result.SecondFigures;
import dev.perfgate.core.stages.Soak;
import dev.perfgate.core.stats.TheilSen;

/**
 * The engine @LoadTest runs (thread pool, open model, the JDK client by default; a connection per worker
 * with -Dperfgate.connections=socket) held at a steady arrival rate
 * for a long time, watching the tool itself: the live heap (used right after the latest GC) and the
 * threads every 10 s, and the latency second by second. Prints one line per period, then the trends:
 * the p95 drift (the soak analysis) and the Theil-Sen slope of the live heap. Single-file program on
 * the CLI jar's classpath (see bench/endurance.sh):
 * <pre>
 * java -Xmx256m -cp perf-cli/target/perfgate-cli.jar bench/Endurance.java http://127.0.0.1:18080/hello 500 30 64
 * </pre>
 */
public class Endurance {

    record HeapSample(double seconds, double liveMiB, double usedMiB, int threads, long gcs) {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        double rate = Double.parseDouble(args[1]);
        Duration duration = Duration.ofMinutes(Long.parseLong(args[2]));
        int maxInFlight = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        OpenLoadPlan plan = OpenLoadPlan.of(ArrivalSchedule.constant(rate, duration)).withWarmUp(Duration.ofSeconds(30))
                .withRequestTimeout(Duration.ofSeconds(5)).withMaxInFlight(maxInFlight);

        List<HeapSample> heap = new ArrayList<>();
        long origin = System.nanoTime() + plan.warmUp().toNanos();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "heap-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(() -> {
            synchronized (heap) {
                heap.add(sample((System.nanoTime() - origin) / 1e9));
            }
        }, 0, 10, TimeUnit.SECONDS);

        String path = url.getRawPath();
        RunMeasurements m = new LoadEngine().run(plan, url.resolve("/"), user -> user.http().get(path));
        sampler.shutdownNow();

        System.out.printf(Locale.ROOT, "%d requests (%d errors, %d arrivals dropped) at %.1f/s achieved of %.1f/s planned, %s measured%n",
                m.total().requestCount(), m.total().errorCount(), m.droppedIterations(), m.iterationsPerSecond(),
                m.scheduledIterationsPerSecond(), m.ranFor());
        int period = duration.toMinutes() >= 10 ? 60 : 10;
        System.out.printf(Locale.ROOT, "%8s %9s %8s %8s %8s %13s %13s %8s%n", "at s", "req/s", "p50 ms", "p95 ms", "p99 ms",
                "live heap MiB", "heap used MiB", "threads");
        List<SecondFigures> measured = m.seconds().stream().filter(s -> !s.warmUp()).toList();
        for (int start = 0; start < duration.toSeconds(); start += period) {
            int from = start;
            List<SecondFigures> in = measured.stream().filter(s -> s.second() >= from && s.second() < from + period).toList();
            List<HeapSample> samples;
            synchronized (heap) {
                samples = heap.stream().filter(h -> h.seconds() >= from && h.seconds() < from + period).toList();
            }
            if (in.isEmpty()) {
                continue;
            }
            System.out.printf(Locale.ROOT, "%8d %9.1f %8.2f %8.2f %8.2f %13s %13s %8s%n", start,
                    in.stream().mapToLong(SecondFigures::requests).sum() / (double) in.size(),
                    median(in, SecondFigures::p50), median(in, SecondFigures::p95), median(in, SecondFigures::p99),
                    samples.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", samples.get(samples.size() - 1).liveMiB()),
                    samples.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", samples.stream().mapToDouble(HeapSample::usedMiB).max().orElse(0)),
                    samples.isEmpty() ? "-" : Integer.toString(samples.get(samples.size() - 1).threads()));
        }

        System.out.println("latency: " + new Soak(plan).report(m).verdict());
        List<HeapSample> afterWarmUp = heap.stream().filter(h -> h.seconds() >= 0 && h.gcs() > 0).toList();
        if (afterWarmUp.size() >= 2) {
            double[] x = afterWarmUp.stream().mapToDouble(HeapSample::seconds).toArray();
            double[] live = afterWarmUp.stream().mapToDouble(HeapSample::liveMiB).toArray();
            double[] threads = afterWarmUp.stream().mapToDouble(HeapSample::threads).toArray();
            System.out.printf(Locale.ROOT, "live heap: %.1f MiB at the start, %.1f MiB at the end, Theil-Sen slope %+.3f MiB/min (%d samples)%n",
                    live[0], live[live.length - 1], TheilSen.slope(x, live) * 60, live.length);
            System.out.printf(Locale.ROOT, "threads: %.0f at the start, %.0f at the end%n", threads[0], threads[threads.length - 1]);
        }
    }

    private static double median(List<SecondFigures> seconds, java.util.function.ToDoubleFunction<SecondFigures> figure) {
        double[] values = seconds.stream().filter(s -> s.successes() > 0).mapToDouble(figure).toArray();
        return values.length == 0 ? Double.NaN : TheilSen.median(values);
    }

    /** Heap used now, and heap left right after the most recent collection (the live set, what a leak grows). */
    private static HeapSample sample(double seconds) {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        GcInfo latest = null;
        long collections = 0;
        for (var bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, bean.getCollectionCount());
            GcInfo info = ((GarbageCollectorMXBean) bean).getLastGcInfo();
            if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
                latest = info;
            }
        }
        double live = latest == null ? Double.NaN : latest.getMemoryUsageAfterGc().entrySet().stream()
                .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum() / 1048576.0;
        double used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
        return new HeapSample(seconds, live, used, ManagementFactory.getThreadMXBean().getThreadCount(), collections);
    }
}
