package dev.perfgate.core.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.stats.TheilSen;

/**
 * How far the other tests of one build moved from their baselines: the reference of what a test cannot
 * compare within itself (its total, an operation with fewer than two others beside it). The tests of a build
 * run minutes apart on one machine; when that machine is slower than the one that recorded the baselines (a
 * shared CI host, another laptop), all of them slow down. On a busy 2-core CI host every test of the sample
 * app read 1.6 to 3 times its baseline latency in one build, with nothing changed.
 * <p>
 * Each other test counts once, by the median change of its operations; the reference is the median of those,
 * from at least {@value #MIN_TESTS} tests. A test's own change never enters its reference.
 *
 * <pre>{@code
 * BuildShift build = BuildShift.of(List.of(new BuildShift.Pair(baseline, current), ...), rules);
 * OptionalDouble others = build.outside("Shop.browse", Metric.P50_LATENCY);   // ln of a factor, worse > 0
 * }</pre>
 */
public final class BuildShift {

    /** The fewest other tests that make a reference: with one, that test's own noise would be it. */
    static final int MIN_TESTS = 2;

    /** No other tests: every reference is empty. */
    public static final BuildShift NONE = new BuildShift(Map.of());

    /**
     * One test of the build with its baseline.
     *
     * @param baseline the committed baseline
     * @param current  this build's result of the same test under the same load
     */
    public record Pair(LoadTestResult baseline, LoadTestResult current) {
    }

    private final Map<String, SharedShift> byTest;

    private BuildShift(Map<String, SharedShift> byTest) {
        this.byTest = byTest;
    }

    /** The shifts of {@code pairs}, each judged under {@code rules} (what they gate is what counts). */
    public static BuildShift of(List<Pair> pairs, GateRules rules) {
        Map<String, SharedShift> byTest = new TreeMap<>();
        for (Pair pair : pairs) {
            byTest.put(pair.current().testId(), SharedShift.of(pair.baseline(), pair.current(), rules));
        }
        return new BuildShift(byTest);
    }

    /** The median change of the tests other than {@code testId}, as ln of a factor, worse positive; empty with too few. */
    OptionalDouble outside(String testId, Metric metric) {
        List<Double> medians = new ArrayList<>();
        byTest.forEach((id, shift) -> {
            if (!id.equals(testId)) {
                shift.ofAll(metric).ifPresent(medians::add);
            }
        });
        if (medians.size() < MIN_TESTS) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(TheilSen.median(medians.stream().mapToDouble(Double::doubleValue).toArray()));
    }
}
