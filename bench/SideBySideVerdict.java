import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.perfgate.core.compare.GateSettings;
import dev.perfgate.core.compare.Metric;
import dev.perfgate.core.compare.MetricComparison;
import dev.perfgate.core.compare.SideBySideComparator;
import dev.perfgate.core.compare.Verdict;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;

/**
 * The gate's side-by-side decision on one result file, as perf:check would take it, for bench/side-by-side.sh:
 * one line per metric, then "VERDICT REGRESSED" or "VERDICT PASS", then "REFERENCE_P50_MS x" (for calibration).
 *   java -cp <perf-gate classpath> bench/SideBySideVerdict.java RESULT.json TOLERANCE_PERCENT [METRICS]
 */
public class SideBySideVerdict {
    public static void main(String[] args) {
        LoadTestResult result = ResultFiles.read(Path.of(args[0]));
        GateSettings gate = sampleGate(Double.parseDouble(args[1]), args.length > 2 ? Metric.parseList(args[2]) : Metric.DEFAULT_GATED);
        List<MetricComparison> rows = new SideBySideComparator(gate).compare(result);
        rows.forEach(row -> System.out.println(row.describe() + " " + row.verdict()));
        System.out.println("VERDICT " + (rows.stream().anyMatch(r -> r.verdict() == Verdict.REGRESSED) ? "REGRESSED" : "PASS"));
        double[] p50 = result.sideBySide().trials().stream().filter(t -> t.ofReference()).mapToDouble(t -> t.total().latencyMs().p50())
                .sorted().toArray();
        System.out.println("REFERENCE_P50_MS " + p50[p50.length / 2]);
    }

    /** The gate as the sample app sets it for side by side, at {@code minimumEffectPercent} on {@code metrics}: no floor, significance 0.05. */
    static GateSettings sampleGate(double minimumEffectPercent, Set<Metric> metrics) {
        return new GateSettings(minimumEffectPercent, 0, 1, 20, 0.05, metrics);
    }
}
