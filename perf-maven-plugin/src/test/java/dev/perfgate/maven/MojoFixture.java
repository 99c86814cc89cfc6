package dev.perfgate.maven;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.logging.SystemStreamLog;

import dev.perfgate.core.result.LatencySummary;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.PlanSummary;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.WindowResult;
import dev.perfgate.core.result.RunEnvironment;

/** Builds mojos as Maven would (parameters by reflection, at their declared defaults), a log to read, and results. */
final class MojoFixture {

    /** The {@code defaultValue} of every @Parameter but the folders, which each test sets. */
    private static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("skip", false),
            Map.entry("tolerancePercent", 10.0),
            Map.entry("latencyFloorMillis", 1.0),
            Map.entry("errorRateTolerancePoints", 1.0),
            Map.entry("minTailSamples", 50),
            Map.entry("significance", 0.05),
            Map.entry("metrics", "p50,p95,p99,throughput,errorRate"),
            Map.entry("failOnRegression", true),
            Map.entry("failOnMissingBaseline", false),
            Map.entry("force", false),
            Map.entry("tests", ""),
            Map.entry("failOnMissingResult", false),
            Map.entry("skipTests", false),
            Map.entry("skipTestCompilation", false),
            Map.entry("goals", List.of("verify")),
            Map.entry("calibrationMinRuns", 5),
            Map.entry("calibrationSpreads", 3.0),
            Map.entry("discountSharedShift", true),
            Map.entry("sharedShiftTolerancePercent", 30.0));

    static final RunEnvironment ENVIRONMENT = new RunEnvironment(8, "Test CPU @ 3.0GHz", "Test JVM 17", "Linux 6.1 amd64", null, null);

    private MojoFixture() {
    }

    /** {@code mojo} with every parameter at its default, the given folders, and {@code log}. */
    static <M extends AbstractPerfMojo> M configure(M mojo, Path results, Path baselines, CapturingLog log) {
        for (Class<?> type = mojo.getClass(); type != AbstractMojo.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                if (field.getName().equals("resultsDirectory")) {
                    set(mojo, "resultsDirectory", results.toFile());
                } else if (field.getName().equals("baselineDirectory")) {
                    set(mojo, "baselineDirectory", baselines.toFile());
                } else if (field.getName().equals("buildStarted")) {
                    set(mojo, "buildStarted", new java.util.Date(System.currentTimeMillis() - 60_000)); // a build that began a minute ago
                } else if (field.getName().equals("calibrationFile")) {
                    set(mojo, "calibrationFile", null); // the baseline folder's
                } else if (field.getName().equals("calibrationRunsDirectory")) {
                    set(mojo, "calibrationRunsDirectory", results.resolveSibling("perf-calibration").toFile());
                } else if (field.getName().equals("rules")) {
                    set(mojo, "rules", null); // no <rules> configured
                } else if (field.getName().equals("testClassesDirectory")) {
                    set(mojo, "testClassesDirectory", testClassesFor(results).toFile());
                } else if (field.getName().equals("classesDirectory")) {
                    set(mojo, "classesDirectory", results.resolveSibling("classes").toFile());
                } else if (field.getName().equals("jmhResultFile")) {
                    set(mojo, "jmhResultFile", jmhResultFileFor(results).toFile());
                } else if (field.getName().equals("reportDirectory")) {
                    set(mojo, "reportDirectory", reportDirectoryFor(results).toFile());
                } else if (DEFAULTS.containsKey(field.getName())) {
                    set(mojo, field.getName(), DEFAULTS.get(field.getName()));
                } else {
                    throw new AssertionError("no default in MojoFixture for parameter " + type.getSimpleName() + "." + field.getName());
                }
            }
        }
        mojo.setLog(log);
        return mojo;
    }

    /** The fixture module's compiled test classes: {@code test-classes} beside the results folder. */
    static Path testClassesFor(Path results) {
        return results.resolveSibling("test-classes");
    }

    /** Where the fixture module's JMH run writes its JSON results: {@code jmh-result.json} beside the results folder. */
    static Path jmhResultFileFor(Path results) {
        return results.resolveSibling("jmh-result.json");
    }

    /** Where the fixture's mojos write their report: {@code perf-report} beside the results folder. */
    static Path reportDirectoryFor(Path results) {
        return results.resolveSibling("perf-report");
    }

    /** Sets the parameter {@code name}, declared by the mojo's class or a superclass. */
    static void set(Object mojo, String name, Object value) {
        for (Class<?> type = mojo.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                field.set(mojo, value);
                return;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no field " + name + " in " + mojo.getClass());
    }

    /** Figures of 10,000 requests: enough for p95 and p99 to be gated. */
    static OperationResult op(double p95, double p99) {
        return op(10_000, p95, p99);
    }

    static OperationResult op(long requests, double p95, double p99) {
        List<WindowResult> windows = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double jitter = 1 + 0.01 * (i - 4.5) / 4.5; // +-1 % around the run's figures
            windows.add(new WindowResult(requests / 10, 0, 1000 * jitter, p95 / 2 * jitter, p95 * jitter, p99 * jitter));
        }
        return new OperationResult(requests, 0, Map.of(), 0, 1000, new LatencySummary(p95 / 2, p95 * 0.9, p95, p99, p99 * 2, p95 / 2), "",
                windows);
    }

    static LoadTestResult result(String testId, OperationResult total) {
        return result(testId, total, ENVIRONMENT);
    }

    static LoadTestResult result(String testId, OperationResult total, RunEnvironment environment) {
        return result(testId, total, Map.of("GET /greeting", total), environment);
    }

    /** A result of several operations. */
    static LoadTestResult result(String testId, OperationResult total, Map<String, OperationResult> operations, RunEnvironment environment) {
        return new LoadTestResult(LoadTestResult.SCHEMA_VERSION, testId, ResultStatus.PASSED, null, "2024-06-01T10:15:30Z",
                new PlanSummary("closed", 4, "1s", "10s", "5s", "0s"),
                environment, total, operations);
    }

    /** A log that keeps what the mojo says, as {@code "INFO message"} lines, instead of printing it. */
    static final class CapturingLog extends SystemStreamLog {

        private final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add("INFO " + content);
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("WARN " + content);
        }

        @Override
        public void error(CharSequence content) {
            lines.add("ERROR " + content);
        }

        List<String> lines() {
            return lines;
        }

        /** What was logged at {@code level} (INFO, WARN, ERROR), without the level. */
        List<String> at(String level) {
            return lines.stream().filter(line -> line.startsWith(level + " "))
                    .map(line -> line.substring(level.length() + 1)).collect(Collectors.toList());
        }

        String text() {
            return String.join("\n", lines);
        }

        /** The table rows of {@code testId} for {@code metricLabel}, e.g. "p95 latency", without trailing padding. */
        /** Forgets what was said, before the mojo runs again. */
        void clear() {
            lines.clear();
        }

        List<String> rows(String testId, String metricLabel) {
            return at("INFO").stream().filter(line -> line.startsWith(testId + " ") && line.contains(metricLabel))
                    .map(String::strip).collect(Collectors.toList());
        }
    }
}
