package dev.perfgate.core.compare;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import dev.perfgate.core.result.LatencySummary;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.WindowResult;
import dev.perfgate.core.stats.TheilSen;

/**
 * How far a whole run moved from its baseline, seen in its operations together. When the machine is
 * busier or slower during one run, every operation of it slows alike: on a shared 2-core machine
 * unchanged runs differed by 10 % (one standard deviation) as a whole, while one operation moved against
 * the others by about 2 %. A regression in one operation moves it alone. So an operation is judged
 * against the median change of the test's other operations, at least two of them: its own change does
 * not enter its reference.
 *
 * <pre>{@code
 * SharedShift shift = SharedShift.of(baseline, current, rules);
 * OptionalDouble others = shift.of("list", Metric.P50_LATENCY);   // ln of the others' median factor, worse > 0
 * }</pre>
 */
final class SharedShift {

    /** The fewest other operations whose median makes a reference: with one, its own noise would be the reference. */
    static final int MIN_OTHERS = 2;

    private static final List<Metric> SHIFTED = List.of(Metric.P50_LATENCY, Metric.P95_LATENCY, Metric.P99_LATENCY, Metric.THROUGHPUT);

    /** Per metric, each operation's change as ln(current / baseline), turned so that worse is positive. */
    private final Map<Metric, Map<String, Double>> changes;

    private SharedShift(Map<Metric, Map<String, Double>> changes) {
        this.changes = changes;
    }

    /**
     * The changes of every operation of {@code current} against {@code baseline} whose metric the gate
     * judges: one its rules gate, a percentile only with its tail ({@link GateSettings#minTailSamples()})
     * in both runs. A metric the rules leave out (a spike's queueing latency) says nothing of the machine.
     */
    static SharedShift of(LoadTestResult baseline, LoadTestResult current, GateRules rules) {
        Map<Metric, Map<String, Double>> changes = new EnumMap<>(Metric.class);
        for (Metric metric : SHIFTED) {
            Map<String, Double> byOperation = new TreeMap<>();
            current.operations().forEach((name, now) -> {
                OperationResult before = baseline.operations().get(name);
                if (before == null) {
                    return;
                }
                GateSettings settings = rules.settingsFor(current.testId(), name);
                if (!settings.metricsFor(current.plan()).contains(metric)) {
                    return;
                }
                int minTail = settings.minTailSamples();
                if (metric.isPercentile() && Math.min(metric.tailSamples(before), metric.tailSamples(now)) < minTail) {
                    return;
                }
                double a = metric.valueOf(before);
                double b = metric.valueOf(now);
                if (a > 0 && b > 0 && Double.isFinite(a) && Double.isFinite(b)) {
                    byOperation.put(name, metric.higherIsWorse() ? Math.log(b / a) : Math.log(a / b));
                }
            });
            changes.put(metric, byOperation);
        }
        return new SharedShift(changes);
    }

    /** Whether {@code metric} is one a machine's speed moves for every operation alike. */
    static boolean shifts(Metric metric) {
        return SHIFTED.contains(metric);
    }

    /** The median change of the operations other than {@code operation}, as ln of a factor, worse positive; empty with too few. */
    OptionalDouble of(String operation, Metric metric) {
        List<Double> others = new ArrayList<>();
        changes.getOrDefault(metric, Map.of()).forEach((name, change) -> {
            if (!name.equals(operation)) {
                others.add(change);
            }
        });
        if (others.size() < MIN_OTHERS) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(TheilSen.median(others.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /** The median change of all operations, as ln of a factor, worse positive; empty when none was judged. */
    OptionalDouble ofAll(Metric metric) {
        double[] all = changes.getOrDefault(metric, Map.of()).values().stream().mapToDouble(Double::doubleValue).toArray();
        return all.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(TheilSen.median(all));
    }

    /**
     * {@code current} as it would have measured on the baseline's machine: {@code metric}'s figures (whole run
     * and windows) taken back by {@code shift}, ln of a factor with worse positive.
     */
    static OperationResult withoutShift(OperationResult current, Metric metric, double shift) {
        double factor = Math.exp(shift);
        if (metric == Metric.THROUGHPUT) {
            List<WindowResult> windows = current.windows().stream()
                    .map(w -> new WindowResult(w.requests(), w.errors(), w.throughputPerSecond() * factor, w.p50(), w.p95(), w.p99()))
                    .toList();
            return new OperationResult(current.requests(), current.errors(), current.errorsByKind(), current.errorRate(),
                    current.throughputPerSecond() * factor, current.latencyMs(), current.histogram(), windows, current.checkFailure());
        }
        LatencySummary l = current.latencyMs();
        LatencySummary scaled = new LatencySummary(l.p50() / factor, l.p90() / factor, l.p95() / factor, l.p99() / factor,
                l.max() / factor, l.mean() / factor);
        List<WindowResult> windows = current.windows().stream()
                .map(w -> new WindowResult(w.requests(), w.errors(), w.throughputPerSecond(), w.p50() / factor, w.p95() / factor,
                        w.p99() / factor))
                .toList();
        return new OperationResult(current.requests(), current.errors(), current.errorsByKind(), current.errorRate(),
                current.throughputPerSecond(), scaled, current.histogram(), windows, current.checkFailure());
    }
}
