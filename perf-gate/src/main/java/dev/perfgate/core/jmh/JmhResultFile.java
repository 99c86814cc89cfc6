package dev.perfgate.core.jmh;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.perfgate.core.result.InvalidResultFileException;
import dev.perfgate.core.result.ResultFiles;

/**
 * Reads the JSON results a JMH run writes ({@code -rf json -rff target/jmh-result.json}).
 *
 * <pre>{@code
 * List<BenchmarkResult> results = JmhResultFile.read(Path.of("target/jmh-result.json"));
 * }</pre>
 */
public final class JmhResultFile {

    static final ObjectMapper MAPPER = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JmhResultFile() {
    }

    /**
     * Every benchmark, mode and parameter set in {@code file}.
     *
     * @throws InvalidResultFileException when the file cannot be read, is not JSON or is not complete
     *         JMH output; the message names the file, the benchmark and the field
     */
    public static List<BenchmarkResult> read(Path file) {
        return JmhElementParser.parseAll(file, readTree(file), "top-level array");
    }

    static JsonNode readTree(Path file) {
        JsonNode tree = ResultFiles.readJson(file, MAPPER, "run the benchmarks again");
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidResultFileException(file, "is empty; run the benchmarks again");
        }
        return tree;
    }
}
