package dev.perfgate.core.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.perfgate.core.compare.BuildShift;
import dev.perfgate.core.compare.MetricComparison;
import dev.perfgate.core.compare.ResultComparator;
import dev.perfgate.core.compare.SideBySideComparator;
import dev.perfgate.core.compare.Verdict;
import dev.perfgate.core.report.ReportedTest;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.TestIds;
import dev.perfgate.core.result.TrialFigures;

/**
 * The gate's whole decision over one build, for any front end (the Maven plugin, the command line): each
 * result against its baseline (or its own side-by-side pairs), the tests without a baseline (NEW) and the
 * baselines without a result (MISSING), and whether the build fails. It reads and writes no file and prints
 * nothing: the front end reads the results, prints the {@link CheckOutcome} and writes the reports.
 *
 * <pre>{@code
 * CheckOutcome outcome = new Check(CheckSettings.of(rules, gate)).run(CheckInput.of(results, baselines, dir, "target/perf-results"));
 * outcome.noticed().forEach(System.out::println);
 * System.out.println(outcome.header() + "\n" + outcome.table());
 * }</pre>
 */
public final class Check {

    private static final String ANOTHER_LOAD = "another load than the baseline: ";
    private static final String RECORDED_BY = "baseline recorded by another class: ";

    private final CheckSettings settings;

    public Check(CheckSettings settings) {
        this.settings = settings;
    }

    /**
     * Judges {@code input}.
     *
     * @throws IllegalArgumentException when the settings cannot judge these results (a tolerance out of range)
     */
    public CheckOutcome run(CheckInput input) {
        List<CheckMessage> noticed = new ArrayList<>();
        ResultComparator comparator = comparator(input);
        Map<String, String> notCompared = new TreeMap<>();
        List<MetricComparison> rows = new ArrayList<>();
        List<ReportedTest> reported = new ArrayList<>();
        for (LoadTestResult result : input.results()) {
            LoadTestResult baseline = input.baselines().get(result.testId());
            noticeRun(result, noticed);
            if (SideBySideComparator.applies(result)) {
                reported.add(new ReportedTest(result, TrialFigures.referenceResult(result), input.history().apply(result.testId())));
                rows.addAll(SideBySideCheck.rows(result, baseline, settings.rules(), settings.commands(), noticed));
                continue;
            }
            reported.add(new ReportedTest(result, baseline, input.history().apply(result.testId())));
            List<String> loadChanges = loadChanges(baseline, result);
            String otherClass = baseline == null ? null : otherClassThan(baseline, result);
            if (baseline == null) {
                rows.add(ResultComparator.newTest(result));
            } else if (otherClass != null) {
                // Ids are SimpleClassName.method: the baseline may be another class's test of the same name.
                notCompared.put(result.testId(), "perfgate: the baseline of " + result.testId() + " in " + input.baselineDirectory()
                        + " was recorded by " + otherClass + ", this result by " + result.testClass() + ", so its figures were not"
                        + " compared. If the class moved, record its baseline with: " + settings.commands().forTest(result.testId())
                        + "; if two classes share the id, give one an id of its own, e.g. @LoadTest(id = \""
                        + TestIds.ownId(result.testClass(), result.testId()) + "\")");
                rows.add(ResultComparator.newTest(result).withRemark(RECORDED_BY + otherClass));
            } else if (!loadChanges.isEmpty()) {
                // Figures measured under another load say nothing about the code: comparing them would pass
                // or fail the build for the test's edit. Until it is re-recorded the test has no baseline.
                notCompared.put(result.testId(), "perfgate: " + result.testId() + " ran another load than its baseline in "
                        + input.baselineDirectory() + " (" + String.join(", ", loadChanges) + "), so its figures were not compared."
                        + " If the change is intended, record its baseline with: " + settings.commands().forTest(result.testId())
                        + " (then commit " + input.baselineDirectory().getFileName() + "/)");
                rows.add(ResultComparator.newTest(result).withRemark(ANOTHER_LOAD + String.join(", ", loadChanges)));
            } else {
                List<String> differences = result.environment() == null ? List.of()
                        : result.environment().differencesFrom(baseline.environment());
                noticeEnvironment(result.testId(), differences, noticed);
                rows.addAll(OtherEnvironment.mark(comparator.compare(baseline, result), differences));
            }
        }
        input.missingResults().forEach(testId -> rows.add(ResultComparator.missingTest(testId)));
        CheckInput.Benchmarks benchmarks = input.benchmarks();
        rows.addAll(benchmarks.rows());
        benchmarks.environmentDifferences().forEach((id, differences) -> noticeEnvironment(id, differences, noticed));
        String header = "perfgate: " + input.results().size() + " load-test result(s)" + (benchmarks.count() == 0 ? ""
                : " and " + benchmarks.count() + " JMH benchmark(s)") + " compared with " + input.baselineDirectory() + " ("
                + settings.describe() + ")";
        List<CheckMessage> concluded = new ArrayList<>();
        if (ResultComparator.any(rows, Verdict.INCONCLUSIVE)) {
            concluded.add(CheckMessage.info("perfgate: INCONCLUSIVE rows are not gated; NOTE says why: a change beyond the tolerance"
                    + " must be significant at " + settings.gate().significance() + " across the windows, and a percentile needs "
                    + settings.gate().minTailSamples() + " successful requests beyond it in both runs; run longer to decide it"));
        }
        List<String> failures = decide(rows, notCompared, input, concluded);
        return new CheckOutcome(noticed, header, rows, reported, concluded, failures);
    }

    private ResultComparator comparator(CheckInput input) {
        ResultComparator plain = new ResultComparator(settings.rules());
        if (!settings.discountSharedShift()) {
            return plain;
        }
        return plain.discountingSharedShift(settings.sharedShiftTolerancePercent())
                .acrossBuild(BuildShift.of(comparablePairs(input), settings.rules()));
    }

    /** The results compared with a baseline of the same class and load: together they tell how far the build's machine moved. */
    private static List<BuildShift.Pair> comparablePairs(CheckInput input) {
        List<BuildShift.Pair> pairs = new ArrayList<>();
        for (LoadTestResult result : input.results()) {
            LoadTestResult baseline = SideBySideComparator.applies(result) ? null : input.baselines().get(result.testId());
            if (baseline != null && otherClassThan(baseline, result) == null && loadChanges(baseline, result).isEmpty()) {
                pairs.add(new BuildShift.Pair(baseline, result));
            }
        }
        return pairs;
    }

    /** How the load of {@code result} differs from its baseline's; empty without a baseline or a plan to compare. */
    private static List<String> loadChanges(LoadTestResult baseline, LoadTestResult result) {
        return baseline == null || baseline.plan() == null || result.plan() == null ? List.of()
                : result.plan().loadDifferencesFrom(baseline.plan());
    }

    private static void noticeEnvironment(String testId, List<String> differences, List<CheckMessage> noticed) {
        if (!differences.isEmpty()) {
            noticed.add(CheckMessage.warn("perfgate: " + testId + " ran on another environment than its baseline: "
                    + String.join(", ", differences) + "; figures may differ for that reason alone"));
        }
    }

    private static void noticeRun(LoadTestResult result, List<CheckMessage> noticed) {
        if (result.status() != ResultStatus.PASSED) {
            noticed.add(CheckMessage.warn("perfgate: " + result.testId() + " ended " + result.status() + " (" + result.statusReason()
                    + "); its figures are partial"));
        }
        if (result.iterations() != null && result.iterations().dropped() > 0) {
            // Dropped arrivals never reach the latency figures: a slower app can look as fast as before.
            noticed.add(CheckMessage.warn("perfgate: " + result.testId() + " dropped " + result.iterations().dropped() + " of "
                    + result.iterations().scheduled() + " arrivals (maxInFlight iterations were running): its latencies leave them"
                    + " out, so the app could not keep up with the intended rate; raise maxInFlight or lower the rate to measure them"));
        }
    }

    /**
     * The build's failures as configured, saying into {@code concluded} what else it should know; {@code notCompared}
     * says why a test with a baseline was not compared with it.
     */
    private List<String> decide(List<MetricComparison> rows, Map<String, String> notCompared, CheckInput input,
            List<CheckMessage> concluded) {
        boolean gates = settings.gates();
        List<String> unbaselined = testsWith(rows, Verdict.NEW);
        unbaselined.removeAll(notCompared.keySet());
        String noBaseline = unbaselined.isEmpty() ? null : "perfgate: no baseline for " + String.join(", ", unbaselined) + " in "
                + input.baselineDirectory() + "; record one with: " + settings.commands().all()
                + " (after the load tests or benchmarks ran) and commit it";
        if (noBaseline != null) {
            concluded.add(CheckMessage.warn(noBaseline));
        }
        List<String> failures = new ArrayList<>();
        for (String message : notCompared.values()) {
            concluded.add(CheckMessage.warn(message));
            if (settings.failOnMissingBaseline() && gates) {
                failures.add(message);
            }
        }
        List<MetricComparison> regressed = rows.stream().filter(r -> r.verdict() == Verdict.REGRESSED).collect(Collectors.toList());
        if (regressed.isEmpty()) {
            concluded.add(CheckMessage.info("perfgate: no regression"));
        } else {
            String regression = "Performance regression beyond the tolerance:\n  "
                    + regressed.stream().map(MetricComparison::describe).collect(Collectors.joining("\n  "))
                    + "\nResults are kept in " + input.resultsKeptIn() + ". If the change is intended, accept it with: "
                    + settings.commands().all() + " (then commit " + input.baselineDirectory().getFileName() + "/)";
            if (settings.failOnRegression() && gates) {
                failures.add(regression);
            } else {
                concluded.add(CheckMessage.warn(regression + (gates ? " [not failing: perf.failOnRegression=false]" : "")));
            }
        }
        if (noBaseline != null && settings.failOnMissingBaseline() && gates) {
            failures.add(noBaseline);
        }
        List<String> noResult = testsWith(rows, Verdict.MISSING);
        if (!noResult.isEmpty()) {
            String message = "perfgate: no result for " + String.join(", ", noResult) + " although " + input.baselineDirectory()
                    + " has a baseline for it: was the test renamed, removed or skipped? Delete the baseline if it is gone";
            concluded.add(CheckMessage.warn(message));
            if (settings.failOnMissingResult() && gates) {
                failures.add(message);
            }
        }
        return failures;
    }

    /** The class that recorded {@code baseline} when both files name their class and they differ, else {@code null}. */
    private static String otherClassThan(LoadTestResult baseline, LoadTestResult result) {
        return baseline.testClass() != null && result.testClass() != null && !baseline.testClass().equals(result.testClass())
                ? baseline.testClass() : null;
    }

    /** The tests that a whole-test row (no metric, the total) gives {@code verdict}: NEW or MISSING. */
    private static List<String> testsWith(List<MetricComparison> rows, Verdict verdict) {
        return rows.stream().filter(r -> r.verdict() == verdict && r.wholeTest())
                .map(MetricComparison::testId).collect(Collectors.toList());
    }
}
