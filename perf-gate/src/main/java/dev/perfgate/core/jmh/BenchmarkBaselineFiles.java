package dev.perfgate.core.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.perfgate.core.io.AtomicFiles;
import dev.perfgate.core.result.InvalidResultFileException;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.RunEnvironment;

/**
 * Baselines of JMH benchmarks: {@code <baselines>/jmh/<id>.json}, each keeping JMH's own JSON
 * elements of the benchmark (with every iteration's score) beside when and where they were recorded.
 *
 * <pre>{@code
 * BenchmarkBaselineFiles.write(Path.of("baselines"), new BenchmarkBaseline(id, Instant.now(), env, results));
 * BenchmarkBaseline back = BenchmarkBaselineFiles.read(BenchmarkBaselineFiles.fileOf(Path.of("baselines"), id));
 * }</pre>
 */
public final class BenchmarkBaselineFiles {

    /** What the {@code schema} field of a benchmark baseline says. */
    public static final String SCHEMA = "perfgate-jmh-baseline";

    /** The version of the baseline format this perfgate reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    /** The sub-folder of the baseline folder that holds benchmark baselines. */
    public static final String FOLDER = "jmh";

    private BenchmarkBaselineFiles() {
    }

    /** The file of the baseline of benchmark {@code id} under {@code baselineDirectory}. */
    public static Path fileOf(Path baselineDirectory, String id) {
        return baselineDirectory.resolve(FOLDER).resolve(id + ResultFiles.SUFFIX);
    }

    /** Every benchmark baseline file under {@code baselineDirectory}, sorted by name; none when there are none. */
    public static List<Path> list(Path baselineDirectory) throws IOException {
        return ResultFiles.list(baselineDirectory.resolve(FOLDER));
    }

    /** Writes {@code baseline} atomically (write, then rename) and returns its file. */
    public static Path write(Path baselineDirectory, BenchmarkBaseline baseline) throws IOException {
        ObjectNode root = JmhResultFile.MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("id", baseline.id());
        root.put("recordedAt", baseline.recordedAt().toString());
        root.set("environment", JmhResultFile.MAPPER.valueToTree(baseline.environment()));
        ArrayNode jmh = root.putArray("jmh");
        baseline.results().forEach(result -> jmh.add(result.source()));
        Path file = fileOf(baselineDirectory, baseline.id());
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, JmhResultFile.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root));
        return file;
    }

    /**
     * Reads one benchmark baseline.
     *
     * @throws InvalidResultFileException when the file cannot be read, is not JSON, is not a benchmark
     *         baseline of this schema version, or holds another benchmark than its name says
     */
    public static BenchmarkBaseline read(Path file) {
        JsonNode root = JmhResultFile.readTree(file);
        if (!root.isObject() || !SCHEMA.equals(root.path("schema").asText())) {
            throw new InvalidResultFileException(file, "is not a perfgate benchmark baseline (no \"schema\": \"" + SCHEMA
                    + "\"); record it with mvn perf:baseline after the benchmarks ran");
        }
        int version = root.path("schemaVersion").asInt(-1);
        if (version != SCHEMA_VERSION) {
            throw new InvalidResultFileException(file, "has schemaVersion " + root.path("schemaVersion") + ", but this perfgate reads "
                    + SCHEMA_VERSION + "; re-record it with this version (mvn perf:baseline after the benchmarks)");
        }
        List<BenchmarkResult> results = JmhElementParser.parseAll(file, root.get("jmh"), "array 'jmh'");
        String id = ResultFiles.testIdOf(file);
        for (BenchmarkResult result : results) {
            if (!result.id().equals(id)) {
                throw new InvalidResultFileException(file, "holds benchmark '" + result.id() + "' but is named for '" + id
                        + "'; rename the file or re-record the baseline");
            }
        }
        if (results.isEmpty()) {
            throw new InvalidResultFileException(file, "has an empty array 'jmh'; re-record the baseline");
        }
        return new BenchmarkBaseline(id, recordedAt(file, root), environment(file, root), results);
    }

    private static Instant recordedAt(Path file, JsonNode root) {
        try {
            return Instant.parse(root.path("recordedAt").asText());
        } catch (DateTimeParseException e) {
            throw new InvalidResultFileException(file, "has no valid 'recordedAt' (an ISO-8601 instant such as 2026-11-22T10:15:30Z)");
        }
    }

    private static RunEnvironment environment(Path file, JsonNode root) {
        JsonNode environment = root.get("environment");
        if (environment == null || environment.isNull()) {
            return null;
        }
        try {
            return JmhResultFile.MAPPER.treeToValue(environment, RunEnvironment.class);
        } catch (IOException e) {
            throw new InvalidResultFileException(file, "has an unreadable 'environment' (" + e.getMessage().lines().findFirst().orElse("")
                    + "); re-record the baseline");
        }
    }
}
