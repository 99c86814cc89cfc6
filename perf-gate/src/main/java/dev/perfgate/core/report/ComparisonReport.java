package dev.perfgate.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.perfgate.core.compare.GateSettings;
import dev.perfgate.core.compare.MetricComparison;
import dev.perfgate.core.compare.Verdict;
import dev.perfgate.core.io.AtomicFiles;

/**
 * A comparison written for people and machines: {@code comparison.json} (every row),
 * {@code summary.md} (what changed, for a pull request or {@code $GITHUB_STEP_SUMMARY}, then the
 * tests' resource and app-metric figures, shown but not gated) and
 * {@code junit.xml} (one test case per gated metric, so CI servers list them).
 *
 * <pre>{@code
 * ComparisonReport.of(rows, gate, tests).writeTo(Path.of("target/perf-report"));
 * }</pre>
 */
public final class ComparisonReport {

    /** Schema version of {@code comparison.json}. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<MetricComparison> rows;
    private final GateSettings gate;
    private final List<ReportedTest> tests;

    private ComparisonReport(List<MetricComparison> rows, GateSettings gate, List<ReportedTest> tests) {
        this.rows = List.copyOf(rows);
        this.gate = gate;
        this.tests = List.copyOf(tests);
    }

    /** The report of {@code rows}, decided under {@code gate}. */
    public static ComparisonReport of(List<MetricComparison> rows, GateSettings gate) {
        return of(rows, gate, List.of());
    }

    /**
     * The report of {@code rows}, decided under {@code gate}, whose {@code summary.md} also lists the
     * resource and app-metric figures of {@code tests}, baseline vs now (shown, not gated).
     */
    public static ComparisonReport of(List<MetricComparison> rows, GateSettings gate, List<ReportedTest> tests) {
        return new ComparisonReport(rows, gate, tests);
    }

    /** Writes the three files into {@code folder} atomically and returns their paths. */
    public List<Path> writeTo(Path folder) throws IOException {
        List<Path> written = new ArrayList<>();
        written.add(write(folder.resolve("comparison.json"), JSON.writeValueAsString(json())));
        written.add(write(folder.resolve("summary.md"), markdown()));
        written.add(write(folder.resolve("junit.xml"), JUnitXml.of(rows)));
        return written;
    }

    /**
     * The Markdown summary: counts by verdict, every row that is not UNCHANGED, then the tests'
     * resource and app-metric figures when they have any.
     */
    public String markdown() {
        return gated() + ShownMarkdown.of(tests);
    }

    private String gated() {
        StringBuilder out = new StringBuilder("## perfgate\n\n**Gate " + GateOutcome.of(rows).headline() + "**\n\n");
        Map<Verdict, Long> counts = counts();
        out.append(counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> "**" + e.getKey() + "** " + e.getValue()).collect(Collectors.joining(" · ")));
        out.append("\n\nGate: ").append(gate.describe()).append(".\n\n");
        List<MetricComparison> notable = rows.stream().filter(r -> r.verdict() != Verdict.UNCHANGED).collect(Collectors.toList());
        if (notable.isEmpty()) {
            return out.append("Every gated metric is within the tolerance of its baseline.\n").toString();
        }
        out.append("| test | operation | metric | baseline | now | change | verdict | note |\n");
        out.append("|---|---|---|---:|---:|---:|---|---|\n");
        for (MetricComparison row : notable) {
            out.append("| ").append(cell(row.testId())).append(" | ").append(cell(row.operation())).append(" | ")
                    .append(row.metricLabel()).append(" | ")
                    .append(row.format(row.baseline())).append(" | ").append(row.format(row.current())).append(" | ")
                    .append(row.change()).append(" | ").append(row.verdict() == Verdict.REGRESSED ? "**REGRESSED**" : row.verdict().name())
                    .append(" | ").append(cell(row.note())).append(" |\n");
        }
        return out.toString();
    }

    private Map<String, Object> json() {
        Map<String, Object> settings = new java.util.LinkedHashMap<>();
        settings.put("tolerancePercent", gate.tolerancePercent());
        settings.put("latencyFloorMillis", gate.latencyFloorMillis());
        settings.put("errorRateTolerancePoints", gate.errorRateTolerancePoints());
        settings.put("minTailSamples", gate.minTailSamples());
        settings.put("significance", gate.significance());
        List<Map<String, Object>> jsonRows = new ArrayList<>();
        for (MetricComparison row : rows) {
            Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("testId", row.testId());
            json.put("operation", row.operation());
            json.put("metric", row.metric() == null ? null : row.metric().name());
            json.put("baseline", row.baseline());
            json.put("current", row.current());
            json.put("change", row.change());
            json.put("verdict", row.verdict().name());
            json.put("note", row.note());
            jsonRows.add(json);
        }
        Map<String, Object> root = new java.util.LinkedHashMap<>();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("settings", settings);
        root.put("counts", counts());
        root.put("rows", jsonRows);
        return root;
    }

    private Map<Verdict, Long> counts() {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            counts.put(verdict, rows.stream().filter(r -> r.verdict() == verdict).count());
        }
        return counts;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }


    private static Path write(Path file, String content) throws IOException {
        AtomicFiles.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
