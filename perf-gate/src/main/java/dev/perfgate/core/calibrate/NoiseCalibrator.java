package dev.perfgate.core.calibrate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import dev.perfgate.core.compare.GateRules;
import dev.perfgate.core.compare.GateSettings;
import dev.perfgate.core.compare.Metric;
import dev.perfgate.core.compare.ResultComparator;
import dev.perfgate.core.compare.SideBySideComparator;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.stats.Normal;
import dev.perfgate.core.stats.OneSampleT;
import dev.perfgate.core.stats.StudentT;
import dev.perfgate.core.stats.TheilSen;

/**
 * Sizes a tolerance for every gated metric from the spread of that metric over unchanged runs.
 *
 * <p>The gate compares one run with one baseline run, and both carry the between-run noise: their
 * difference in logarithms has a standard deviation of {@code sqrt(2) s}, where {@code s} is the
 * standard deviation of the metric's logarithm between runs. Estimated from {@code n} runs, that
 * difference divided by {@code sqrt(2) s} follows Student's t with {@code n - 1} degrees of freedom. The
 * tolerance is {@code exp(k sqrt(2) s) - 1}, at least 1 %, with {@code k} the t quantile that an
 * unchanged run passes as rarely as a normal value passes {@code spreads} (default 3: 1 comparison in
 * 740): 4.09 from 10 runs, 6.62 from 5, 3.45 from 20. Few runs give wide tolerances, honestly. The
 * significance test across windows still applies on top. Error rates keep the gate's setting:
 * unchanged runs mostly have none, so they have no spread to measure.
 *
 * <pre>{@code
 * NoiseCalibrator.Outcome outcome = new NoiseCalibrator(GateRules.everywhere(GateSettings.DEFAULT), 3, 5).calibrate(runs, Instant.now());
 * CalibrationFile.write(Path.of("baselines/calibration/tolerances.json"), outcome.calibration());
 * }</pre>
 */
public final class NoiseCalibrator {

    /**
     * How rarely an unchanged run may pass a metric's tolerance by default, as a number of standard
     * deviations of a normal distribution: 3, about 1 comparison in 740.
     */
    public static final double DEFAULT_SPREADS = 3;

    /** The fewest unchanged runs a test needs by default: fewer give a spread too uncertain to size a tolerance on. */
    public static final int DEFAULT_MIN_RUNS = 5;

    /** No tolerance is tighter: below it, a metric that hardly varied while calibrating would fail on any later hiccup. */
    static final double MINIMUM_TOLERANCE_PERCENT = 1;

    /** What a calibration found, and why tests or runs were left out of it. */
    public record Outcome(Calibration calibration, List<String> notes) {
    }

    private final GateRules rules;
    private final double spreads;
    private final int minRuns;

    /**
     * @param rules   the gate's settings for each test and operation: which metrics it gates, and how many
     *                requests a percentile needs beyond it ({@link GateSettings#minTailSamples()}); only
     *                metrics it would gate are calibrated
     * @param spreads how rarely an unchanged run may pass a tolerance, in standard deviations of a normal
     *                distribution, e.g. 3 (1 comparison in 740)
     * @param minRuns the fewest runs of a test its metrics are calibrated on, at least 3
     */
    public NoiseCalibrator(GateRules rules, double spreads, int minRuns) {
        if (!(spreads > 0) || Double.isInfinite(spreads)) {
            throw new IllegalArgumentException("spreads: " + spreads + " must be a finite number above zero, e.g. 3");
        }
        if (minRuns < 3) {
            throw new IllegalArgumentException("minRuns: " + minRuns + " must be at least 3, e.g. 5 (a spread of 2 runs says little)");
        }
        this.rules = rules;
        this.spreads = spreads;
        this.minRuns = minRuns;
    }

    /** The calibration of the tests in {@code runs}: each run is one build's results, the oldest first. */
    public Outcome calibrate(List<List<LoadTestResult>> runs, Instant now) {
        Map<String, List<LoadTestResult>> byTest = new LinkedHashMap<>();
        for (List<LoadTestResult> run : runs) {
            for (LoadTestResult result : run) {
                if (result.status() != ResultStatus.ABORTED && !SideBySideComparator.applies(result)) {
                    byTest.computeIfAbsent(result.testId(), id -> new ArrayList<>()).add(result);
                }
            }
        }
        List<CalibratedMetric> metrics = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        byTest.forEach((testId, results) -> {
            List<LoadTestResult> comparable = underNewestLoad(testId, results, notes);
            if (comparable.size() < minRuns) {
                notes.add(testId + ": " + comparable.size() + " run(s) under its current load, " + minRuns + " needed; not calibrated");
            } else {
                metrics.addAll(calibrateTest(testId, comparable));
            }
        });
        return new Outcome(new Calibration(now, spreads, metrics), notes);
    }

    /** The runs measured under the same load as the newest: figures under another load say nothing about noise. */
    private static List<LoadTestResult> underNewestLoad(String testId, List<LoadTestResult> results, List<String> notes) {
        LoadTestResult newest = results.get(results.size() - 1);
        List<LoadTestResult> kept = new ArrayList<>();
        for (LoadTestResult result : results) {
            List<String> changes = newest.plan() == null || result.plan() == null ? List.of() : newest.plan().loadDifferencesFrom(result.plan());
            if (changes.isEmpty()) {
                kept.add(result);
            } else {
                notes.add(testId + ": left out the run of " + result.startedAt() + ", under another load (" + String.join(", ", changes) + ")");
            }
        }
        return kept;
    }

    private List<CalibratedMetric> calibrateTest(String testId, List<LoadTestResult> results) {
        LoadTestResult newest = results.get(results.size() - 1);
        TreeSet<String> operations = new TreeSet<>(newest.operations().keySet());
        results.forEach(result -> operations.retainAll(result.operations().keySet()));
        List<String> names = new ArrayList<>();
        if (newest.operations().size() != 1) {
            names.add(ResultComparator.TOTAL);   // the gate compares a total only beside several operations
        }
        names.addAll(operations);
        List<CalibratedMetric> calibrated = new ArrayList<>();
        for (String name : names) {
            List<OperationResult> measured = results.stream()
                    .map(result -> ResultComparator.TOTAL.equals(name) ? result.total() : result.operations().get(name))
                    .toList();
            GateSettings gate = rules.settingsFor(testId, name);
            for (Metric metric : gate.metricsFor(newest.plan())) {
                if (metric != Metric.ERROR_RATE && gated(metric, measured, gate.minTailSamples())) {
                    calibrate(testId, name, metric, measured).ifPresent(calibrated::add);
                }
            }
        }
        return calibrated;
    }

    /** Whether the gate would judge {@code metric} in every run: a percentile needs its tail. */
    private static boolean gated(Metric metric, List<OperationResult> measured, int minTailSamples) {
        return measured.stream().allMatch(operation -> operation != null && metric.tailSamples(operation) >= minTailSamples);
    }

    private Optional<CalibratedMetric> calibrate(String testId, String operation, Metric metric, List<OperationResult> measured) {
        double[] values = measured.stream().mapToDouble(metric::valueOf).toArray();
        if (Arrays.stream(values).anyMatch(value -> !(value > 0) || Double.isInfinite(value))) {
            return Optional.empty();   // no logarithm: a rate of zero, a latency never measured
        }
        double spread = OneSampleT.standardDeviation(Arrays.stream(values).map(Math::log).toArray());
        double k = StudentT.upperQuantile(Normal.upperTail(spreads), values.length - 1);
        double tolerance = Math.max(MINIMUM_TOLERANCE_PERCENT, 100 * Math.expm1(k * Math.sqrt(2) * spread));
        return Optional.of(new CalibratedMetric(testId, operation, metric, values.length, TheilSen.median(values),
                roundUp(100 * Math.expm1(spread)), roundUp(tolerance)));
    }

    /** Up to one decimal: a tolerance rounded down would be tighter than the spread asks. */
    private static double roundUp(double percent) {
        return Math.ceil(percent * 10 - 1e-9) / 10;
    }
}
