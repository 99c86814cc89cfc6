package dev.perfgate.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.perfgate.core.calibrate.CalibratedRules;
import dev.perfgate.core.calibrate.CalibrationFile;
import dev.perfgate.core.check.BaselineCommands;
import dev.perfgate.core.check.Check;
import dev.perfgate.core.check.CheckInput;
import dev.perfgate.core.check.CheckMessage;
import dev.perfgate.core.check.CheckOutcome;
import dev.perfgate.core.check.CheckSettings;
import dev.perfgate.core.compare.GateRules;
import dev.perfgate.core.report.ComparisonReport;
import dev.perfgate.core.result.InvalidResultFileException;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;

/**
 * {@code perfgate check}: the gate of {@code mvn verify} for any build (Gradle, a shell script, a CI
 * step): every result file in a folder against its baseline in another, the same table, the same rules,
 * exit code 1 on a regression. A baseline with no result is MISSING; a result with no baseline is NEW.
 *
 * <pre>
 * java -jar perfgate-cli.jar check --results build/perf-results --baselines baselines --report build/perf-report
 * </pre>
 */
final class CheckCommand {

    /** No regression (and nothing else configured to fail). */
    static final int PASSED = 0;
    /** The gate failed: a regression, or a missing baseline or result where that is configured to fail. */
    static final int FAILED = 1;

    private CheckCommand() {
    }

    /** Runs {@code check} with {@code args} (its first is {@code "check"}), printing to {@code out} and {@code err}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(CheckOptions.USAGE);
            return PASSED;
        }
        CheckOptions options;
        try {
            options = CheckOptions.parse(args);
        } catch (UsageException e) {
            err.println("perfgate: " + e.getMessage());
            err.println(CheckOptions.USAGE);
            return PerfgateCli.USAGE;
        }
        CheckOutcome outcome;
        try {
            outcome = check(options);
        } catch (InvalidResultFileException e) {
            err.println("perfgate: " + e.getMessage());
            return PerfgateCli.USAGE;
        } catch (IOException e) {
            err.println("perfgate: cannot read " + options.results() + " or " + options.baselines() + ": " + e);
            return PerfgateCli.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("perfgate: " + e.getMessage());
            return PerfgateCli.USAGE;
        }
        outcome.noticed().forEach(message -> print(message, out, err));
        out.println(outcome.header());
        out.println(outcome.table().stripTrailing());
        if (options.report() != null && !writeReport(outcome, options, out, err)) {
            return FAILED;
        }
        outcome.concluded().forEach(message -> print(message, out, err));
        if (outcome.failed()) {
            outcome.failures().forEach(failure -> err.println(failure));
            return FAILED;
        }
        return PASSED;
    }

    private static CheckOutcome check(CheckOptions options) throws IOException {
        List<LoadTestResult> results = new ArrayList<>();
        for (Path file : ResultFiles.list(options.results())) {
            results.add(ResultFiles.read(file));
        }
        if (results.isEmpty() && !Files.isDirectory(options.results())) {
            throw new IllegalArgumentException("--results: " + options.results() + " is not a folder of result files");
        }
        Map<String, LoadTestResult> baselines = new HashMap<>();
        for (LoadTestResult result : results) {
            Path baseline = ResultFiles.fileOf(options.baselines(), result.testId());
            if (Files.isRegularFile(baseline)) {
                baselines.put(result.testId(), ResultFiles.read(baseline));
            }
        }
        Set<String> ran = results.stream().map(LoadTestResult::testId).collect(Collectors.toSet());
        List<String> missing = ResultFiles.list(options.baselines()).stream().map(ResultFiles::testIdOf)
                .filter(testId -> !ran.contains(testId)).toList();
        GateRules rules = CalibratedRules.over(GateRules.everywhere(options.gate()),
                CalibrationFile.readIfPresent(CalibrationFile.in(options.baselines())));
        CheckSettings settings = CheckSettings.of(rules, options.gate())
                .discountingSharedShift(options.discountSharedShift(), options.sharedShiftTolerancePercent())
                .failingOnMissingBaseline(options.failOnMissingBaseline())
                .failingOnMissingResult(options.failOnMissingResult())
                .recordingWith(copying(options));
        return new Check(settings).run(CheckInput.of(results, baselines, options.baselines(), options.results().toString())
                .withMissingResults(missing));
    }

    /** Without a baseline goal, a result file becomes its test's baseline by being copied into the baselines. */
    private static BaselineCommands copying(CheckOptions options) {
        return new BaselineCommands() {
            @Override
            public String all() {
                return "cp " + options.results().resolve("*" + ResultFiles.SUFFIX) + " " + options.baselines() + "/";
            }

            @Override
            public String forTest(String testId) {
                return "cp " + ResultFiles.fileOf(options.results(), testId) + " " + options.baselines() + "/";
            }
        };
    }

    private static boolean writeReport(CheckOutcome outcome, CheckOptions options, PrintStream out, PrintStream err) {
        try {
            ComparisonReport.of(outcome.rows(), options.gate(), outcome.tests()).writeTo(options.report());
            out.println("perfgate: report written to " + options.report() + " (summary.md, comparison.json, junit.xml)");
            return true;
        } catch (IOException e) {
            err.println("perfgate: --report: cannot write " + options.report() + ": " + e);
            return false;
        }
    }

    private static void print(CheckMessage message, PrintStream out, PrintStream err) {
        (message.warning() ? err : out).println(message.text());
    }
}
