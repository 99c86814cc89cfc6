package dev.perfgate.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.maven.plugin.MojoExecutionException;

import dev.perfgate.core.check.OtherEnvironment;
import dev.perfgate.core.compare.BenchmarkComparator;
import dev.perfgate.core.compare.GateRules;
import dev.perfgate.core.compare.MetricComparison;
import dev.perfgate.core.compare.ResultComparator;
import dev.perfgate.core.compare.Verdict;
import dev.perfgate.core.jmh.BenchmarkBaseline;
import dev.perfgate.core.jmh.BenchmarkBaselineFiles;
import dev.perfgate.core.jmh.BenchmarkResult;
import dev.perfgate.core.jmh.JmhResultFile;
import dev.perfgate.core.report.ReportedBenchmark;
import dev.perfgate.core.result.InvalidResultFileException;
import dev.perfgate.core.result.ResultFiles;

/**
 * The module's JMH benchmarks: this run's results (JMH's JSON output file), grouped by benchmark id,
 * and their baselines under {@code <baselines>/jmh/}. Absent when the module wrote no JMH output.
 */
final class BenchmarkSet {

    private final Path resultFile;
    private final Path baselineDirectory;
    private final Map<String, List<BenchmarkResult>> byId;
    /** Baselines read so far by id, {@code null} values for none: check compares, charts and describes each one. */
    private final Map<String, BenchmarkBaseline> baselines = new HashMap<>();

    private BenchmarkSet(Path resultFile, Path baselineDirectory, Map<String, List<BenchmarkResult>> byId) {
        this.resultFile = resultFile;
        this.baselineDirectory = baselineDirectory;
        this.byId = byId;
    }

    /** The benchmarks in {@code resultFile}; none when the file does not exist. */
    static BenchmarkSet read(Path resultFile, Path baselineDirectory) throws MojoExecutionException {
        Map<String, List<BenchmarkResult>> byId = new LinkedHashMap<>();
        if (resultFile != null && Files.isRegularFile(resultFile)) {
            for (BenchmarkResult result : unchecked(() -> JmhResultFile.read(resultFile))) {
                byId.computeIfAbsent(result.id(), id -> new ArrayList<>()).add(result);
            }
        }
        return new BenchmarkSet(resultFile, baselineDirectory, byId);
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    Path resultFile() {
        return resultFile;
    }

    /** This run's results per benchmark id, in the order JMH ran them. */
    Map<String, List<BenchmarkResult>> byId() {
        return byId;
    }

    /** The baseline of {@code id} as it was when first asked for, or {@code null} when there is none; read once. */
    BenchmarkBaseline baseline(String id) throws MojoExecutionException {
        if (!baselines.containsKey(id)) {
            Path file = BenchmarkBaselineFiles.fileOf(baselineDirectory, id);
            baselines.put(id, Files.isRegularFile(file) ? unchecked(() -> BenchmarkBaselineFiles.read(file)) : null);
        }
        return baselines.get(id);
    }

    /**
     * Rows for every benchmark of this run against its baseline, then a MISSING row for each baseline
     * of a benchmark class this module compiled ({@code owned}) that did not run.
     */
    List<MetricComparison> compare(GateRules rules, ClassOwnership owned) throws MojoExecutionException {
        BenchmarkComparator comparator = new BenchmarkComparator(rules);
        List<MetricComparison> rows = new ArrayList<>();
        for (Map.Entry<String, List<BenchmarkResult>> benchmark : byId.entrySet()) {
            BenchmarkBaseline baseline = baseline(benchmark.getKey());
            if (baseline == null) {
                rows.add(new MetricComparison(benchmark.getKey(), ResultComparator.TOTAL, null, null, null, Verdict.NEW));
            } else {
                rows.addAll(OtherEnvironment.mark(comparator.compare(baseline.results(), benchmark.getValue()),
                        jvmDifference(baseline, benchmark.getValue())));
            }
        }
        for (BenchmarkBaseline baseline : ownedBaselinesThatDidNotRun(owned)) {
            rows.add(ResultComparator.missingTest(baseline.id()));
        }
        return rows;
    }

    /** Every benchmark of this run with its baseline's results, for the HTML report. */
    List<ReportedBenchmark> reported() throws MojoExecutionException {
        List<ReportedBenchmark> reported = new ArrayList<>();
        for (Map.Entry<String, List<BenchmarkResult>> benchmark : byId.entrySet()) {
            BenchmarkBaseline baseline = baseline(benchmark.getKey());
            reported.add(new ReportedBenchmark(benchmark.getKey(), benchmark.getValue(), baseline == null ? List.of() : baseline.results()));
        }
        return reported;
    }

    /** The benchmarks that ran on another JVM than their baseline, by id, e.g. {@code ["JVM 'a' -> 'b'"]}. */
    Map<String, List<String>> environmentDifferences() throws MojoExecutionException {
        Map<String, List<String>> differences = new LinkedHashMap<>();
        for (Map.Entry<String, List<BenchmarkResult>> benchmark : byId.entrySet()) {
            BenchmarkBaseline baseline = baseline(benchmark.getKey());
            List<String> jvm = baseline == null ? List.of() : jvmDifference(baseline, benchmark.getValue());
            if (!jvm.isEmpty()) {
                differences.put(benchmark.getKey(), jvm);
            }
        }
        return differences;
    }

    private static List<String> jvmDifference(BenchmarkBaseline baseline, List<BenchmarkResult> current) {
        String before = baseline.results().get(0).jvm();
        String now = current.get(0).jvm();
        return Objects.equals(before, now) ? List.of() : List.of("JVM '" + before + "' -> '" + now + "'");
    }

    private List<BenchmarkBaseline> ownedBaselinesThatDidNotRun(ClassOwnership owned) throws MojoExecutionException {
        List<Path> files;
        try {
            files = BenchmarkBaselineFiles.list(baselineDirectory);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list the benchmark baselines in " + baselineDirectory.resolve(BenchmarkBaselineFiles.FOLDER)
                    + ": " + e, e);
        }
        List<BenchmarkBaseline> missing = new ArrayList<>();
        for (Path file : files) {
            String id = ResultFiles.testIdOf(file);
            if (byId.containsKey(id)) {
                continue; // ran, and compared above
            }
            BenchmarkBaseline baseline = baseline(id);
            if (owned.compiled(baseline.results().get(0).benchmarkClass())) {
                missing.add(baseline);
            }
        }
        return missing;
    }

    private interface Reading<T> {
        T read();
    }

    private static <T> T unchecked(Reading<T> reading) throws MojoExecutionException {
        try {
            return reading.read();
        } catch (InvalidResultFileException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
