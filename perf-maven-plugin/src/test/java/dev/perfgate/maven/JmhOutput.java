package dev.perfgate.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes JSON in the shape JMH's {@code -rf json} output has, for benchmarks with chosen iteration scores. */
final class JmhOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArrayNode benchmarks = JSON.createArrayNode();

    /** Adds {@code benchmark} in {@code mode} with one fork of {@code iterations}; the score is their mean. */
    JmhOutput add(String benchmark, String mode, String unit, double... iterations) {
        ObjectNode element = benchmarks.addObject();
        element.put("jmhVersion", "1.37");
        element.put("benchmark", benchmark);
        element.put("mode", mode);
        element.put("forks", 1);
        element.put("jdkVersion", "17.0.15");
        element.put("vmName", "OpenJDK 64-Bit Server VM");
        ObjectNode primary = element.putObject("primaryMetric");
        primary.put("score", java.util.Arrays.stream(iterations).average().orElse(0));
        primary.put("scoreUnit", unit);
        ArrayNode fork = primary.putArray("rawData").addArray();
        for (double score : iterations) {
            fork.add(score);
        }
        element.putObject("secondaryMetrics");
        return this;
    }

    /** Ten iteration scores within +-1 % of {@code score}. */
    static double[] around(double score) {
        double[] iterations = new double[10];
        for (int i = 0; i < iterations.length; i++) {
            iterations[i] = score * (1 + 0.01 * (((i * 3) % 10) - 4.5) / 4.5);
        }
        return iterations;
    }

    void writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), benchmarks);
    }
}
