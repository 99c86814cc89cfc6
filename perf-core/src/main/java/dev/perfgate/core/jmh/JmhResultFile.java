package dev.perfgate.core.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.perfgate.core.result.InvalidResultFileException;

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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidResultFileException(file, "cannot be read: " + e);
        }
        try {
            JsonNode tree = MAPPER.readTree(bytes);
            if (tree == null || tree.isMissingNode()) {
                throw new InvalidResultFileException(file, "is empty; run the benchmarks again");
            }
            return tree;
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new InvalidResultFileException(file, "is not valid JSON (" + reason
                    + "); it may be truncated: run the benchmarks again, or restore the file from version control");
        }
    }
}
