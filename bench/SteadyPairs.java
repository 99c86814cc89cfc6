import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.perfgate.core.engine.LoadEngine;
import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.RunListener;
import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.engine.Scenario;
import dev.perfgate.core.stats.OneSampleT;
import dev.perfgate.core.stats.TheilSen;

/**
 * Two containers of the sample app measured as an interleaved side-by-side run measures them,
 * with perfgate's own engine and without JUnit: a warm-up of {@code warmSeconds} with {@code warmUsers} users whose
 * requests go to A and B in turn, then {@code trials} interleaved 1 s trials of one user on the reminders
 * operation. Prints the reference's p50 over the first and last five trials and the mean and sd of the trials'
 * {@code ln(p50 B / p50 A)}; with {@code each}, every trial's p50s too (warm-up 0: the JIT's curve from the first
 * request). Run on the CLI jar's classpath, as bench/steady-pairs.sh does:
 * <pre>
 * java -cp perf-cli/target/perfgate-cli.jar bench/SteadyPairs.java 40 4 20 http://127.0.0.1:32771 http://127.0.0.1:32772
 * java -cp perf-cli/target/perfgate-cli.jar bench/SteadyPairs.java 0 1 60 http://127.0.0.1:32771 http://127.0.0.1:32772 each
 * </pre>
 */
public class SteadyPairs {
    public static void main(String[] args) {
        int warm = Integer.parseInt(args[0]);
        int warmUsers = Integer.parseInt(args[1]);
        int trials = Integer.parseInt(args[2]);
        List<URI> targets = List.of(URI.create(args[3]), URI.create(args[4]));
        boolean each = args.length > 5 && "each".equals(args[5]);
        Scenario reminders = user -> user.http().get("reminders",
                "/api/v1/reminders?user_id=" + (1 + Math.floorMod(user.id() * 97L + user.iteration(), 1000)));
        if (warm > 0) {
            new LoadEngine().runInterleaved(new LoadPlan(warmUsers, Duration.ZERO, Duration.ofSeconds(warm), Duration.ofSeconds(5)),
                    targets, 1, reminders, RunListener.NONE);
        }
        double[] referenceP50 = new double[trials];
        double[] change = new double[trials];
        long start = System.nanoTime();
        for (int k = 0; k < trials; k++) {
            List<RunMeasurements> ab = new LoadEngine().runInterleaved(new LoadPlan(1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(5)),
                    targets, 100 + k, reminders, RunListener.NONE);
            referenceP50[k] = p50(ab.get(0));
            change[k] = Math.log(p50(ab.get(1)) / referenceP50[k]);
            if (each) {
                System.out.printf(Locale.ROOT, "%5.1fs  A p50 %.3f ms n %d  B p50 %.3f ms n %d%n", (System.nanoTime() - start) / 1e9,
                        referenceP50[k] / 1000, ab.get(0).total().requestCount(), p50(ab.get(1)) / 1000, ab.get(1).total().requestCount());
            }
        }
        double mean = Arrays.stream(change).average().orElse(0);
        double sd = OneSampleT.standardDeviation(change);
        int five = Math.min(5, trials);
        System.out.printf(Locale.ROOT, "A p50 first5 %.3f last5 %.3f ms  mean ln(B/A) %+.2f %%  sd %.2f %%  se %.2f %%%n",
                TheilSen.median(Arrays.copyOf(referenceP50, five)) / 1000,
                TheilSen.median(Arrays.copyOfRange(referenceP50, trials - five, trials)) / 1000,
                100 * mean, 100 * sd, 100 * sd / Math.sqrt(trials));
    }

    private static double p50(RunMeasurements measured) {
        return measured.total().latencyMicros().getValueAtPercentile(50);
    }
}
