package dev.perfgate.core.jmh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.perfgate.core.result.InvalidResultFileException;

/**
 * Reads the elements of JMH's JSON results (an array with one element per benchmark, mode and
 * parameter set), whether they come from JMH's own output file or from a baseline that keeps them.
 */
final class JmhElementParser {

    private JmhElementParser() {
    }

    /** Every element of {@code array}; {@code where} names the array in error messages, e.g. {@code "the top-level array"}. */
    static List<BenchmarkResult> parseAll(Path file, JsonNode array, String where) {
        if (array == null || !array.isArray()) {
            throw new InvalidResultFileException(file, "has no " + where + " of benchmark results; it is not JMH's JSON output"
                    + " (run JMH with -rf json)");
        }
        List<BenchmarkResult> results = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            results.add(parse(file, i, array.get(i)));
        }
        return results;
    }

    private static BenchmarkResult parse(Path file, int index, JsonNode element) {
        String benchmark = text(file, index, element, "benchmark", null);
        String modeName = text(file, index, element, "mode", benchmark);
        JmhMode mode = JmhMode.of(modeName).orElseThrow(() -> invalid(file, index, benchmark,
                "has mode '" + modeName + "'; JMH's modes are thrpt, avgt, sample and ss"));
        JsonNode primary = element.get("primaryMetric");
        if (primary == null || !primary.isObject()) {
            throw invalid(file, index, benchmark, "has no object 'primaryMetric'");
        }
        String unit = text(file, index, primary, "scoreUnit", benchmark);
        JsonNode score = primary.get("score");
        if (score == null || !score.isNumber()) {
            throw invalid(file, index, benchmark, "has no number 'primaryMetric.score'");
        }
        List<double[]> forks = primary.has("rawData") ? rawData(file, index, benchmark, primary.get("rawData"))
                : histogramMeans(file, index, benchmark, primary.get("rawDataHistogram"));
        int count = forks.stream().mapToInt(fork -> fork.length).sum();
        if (count == 0) {
            throw invalid(file, index, benchmark, "has no measurement iterations in 'primaryMetric.rawData'");
        }
        double[] iterations = new double[count];
        int next = 0;
        for (double[] fork : forks) {
            System.arraycopy(fork, 0, iterations, next, fork.length);
            next += fork.length;
        }
        String jvm = (element.path("vmName").asText("") + " " + element.path("jdkVersion").asText("")).trim();
        return new BenchmarkResult(benchmark, mode, params(element.get("params")), unit, score.asDouble(), iterations, forks.size(),
                jvm.isEmpty() ? "unknown" : jvm, element);
    }

    /** {@code rawData}: one array per fork of the score of each iteration. */
    private static List<double[]> rawData(Path file, int index, String benchmark, JsonNode rawData) {
        if (!rawData.isArray()) {
            throw invalid(file, index, benchmark, "has a 'primaryMetric.rawData' that is not an array of forks");
        }
        List<double[]> forks = new ArrayList<>();
        for (JsonNode fork : rawData) {
            if (!fork.isArray()) {
                throw invalid(file, index, benchmark, "has a fork in 'primaryMetric.rawData' that is not an array of iteration scores");
            }
            double[] scores = new double[fork.size()];
            for (int i = 0; i < scores.length; i++) {
                if (!fork.get(i).isNumber()) {
                    throw invalid(file, index, benchmark, "has a non-numeric iteration score in 'primaryMetric.rawData'");
                }
                scores[i] = fork.get(i).asDouble();
            }
            forks.add(scores);
        }
        return forks;
    }

    /**
     * {@code rawDataHistogram} (sample mode): per fork, per iteration, {@code [value, count]} pairs;
     * an iteration's score is the mean of its sample, as JMH computes it.
     */
    private static List<double[]> histogramMeans(Path file, int index, String benchmark, JsonNode histograms) {
        if (histograms == null || !histograms.isArray()) {
            throw invalid(file, index, benchmark, "has neither 'primaryMetric.rawData' nor 'primaryMetric.rawDataHistogram'");
        }
        List<double[]> forks = new ArrayList<>();
        for (JsonNode fork : histograms) {
            double[] means = new double[fork.size()];
            for (int i = 0; i < means.length; i++) {
                double sum = 0;
                double count = 0;
                for (JsonNode pair : fork.get(i)) {
                    if (pair.size() != 2 || !pair.get(0).isNumber() || !pair.get(1).isNumber()) {
                        throw invalid(file, index, benchmark, "has an entry of 'primaryMetric.rawDataHistogram' that is not [value, count]");
                    }
                    sum += pair.get(0).asDouble() * pair.get(1).asDouble();
                    count += pair.get(1).asDouble();
                }
                if (count == 0) {
                    throw invalid(file, index, benchmark, "has an empty iteration in 'primaryMetric.rawDataHistogram'");
                }
                means[i] = sum / count;
            }
            forks.add(means);
        }
        return forks;
    }

    private static SortedMap<String, String> params(JsonNode params) {
        SortedMap<String, String> values = new TreeMap<>();
        if (params != null && params.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = params.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                values.put(field.getKey(), field.getValue().asText());
            }
        }
        return values;
    }

    private static String text(Path file, int index, JsonNode node, String field, String benchmark) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw invalid(file, index, benchmark, "has no text field '" + field + "'");
        }
        return value.asText();
    }

    private static InvalidResultFileException invalid(Path file, int index, String benchmark, String problem) {
        String which = "benchmark #" + (index + 1) + (benchmark == null ? "" : " (" + benchmark + ")");
        return new InvalidResultFileException(file, which + " " + problem
                + "; it is not complete JMH JSON output: run the benchmarks again, or restore the file from version control");
    }
}
