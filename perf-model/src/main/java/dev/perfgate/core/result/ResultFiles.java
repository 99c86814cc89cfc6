package dev.perfgate.core.result;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.perfgate.core.io.AtomicFiles;

/**
 * Reads and writes result and baseline files ({@code <testId>.json}). Writing is atomic; reading
 * rejects, with the file's name and what to do, anything that is not a complete result of this
 * schema version for the test its name promises.
 *
 * <pre>{@code
 * ResultFiles.write(folder, result);                 // folder/<testId>.json
 * LoadTestResult back = ResultFiles.read(folder.resolve(result.testId() + ".json"));
 * }</pre>
 */
public final class ResultFiles {

    /** File name suffix of result and baseline files. */
    public static final String SUFFIX = ".json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultFiles() {
    }

    /** The file of {@code testId} in {@code folder}. */
    public static Path fileOf(Path folder, String testId) {
        return folder.resolve(testId + SUFFIX);
    }

    /** The test id a result or baseline file is named for: its name without {@value #SUFFIX}. */
    public static String testIdOf(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
    }

    /** Writes {@code result} atomically to {@code folder/<testId>.json} and returns that path. */
    public static Path write(Path folder, LoadTestResult result) throws IOException {
        Path target = fileOf(folder, result.testId());
        AtomicFiles.write(target, bytesOf(result));
        return target;
    }

    /** The bytes {@link #write} puts in the file of {@code result}: for a result that travels another way. */
    public static byte[] bytesOf(LoadTestResult result) throws IOException {
        return MAPPER.writeValueAsBytes(result);
    }

    /**
     * Reads one result or baseline file.
     *
     * @throws InvalidResultFileException when the file cannot be read, is not JSON, is incomplete,
     *         has another schema version, or holds another test than its name says
     */
    public static LoadTestResult read(Path file) {
        return fromTree(readJson(file, MAPPER, "run the load test again"), file);
    }

    /**
     * A result or baseline from its JSON text, e.g. a baseline as an earlier commit held it;
     * {@code file} names it in messages and must be named for its test.
     *
     * @throws InvalidResultFileException as {@link #read}
     */
    public static LoadTestResult parse(String json, Path file) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidResultFileException(file, "is not JSON (" + firstLine(e) + ")");
        }
        return fromTree(tree, file);
    }

    private static LoadTestResult fromTree(JsonNode tree, Path file) {
        if (tree == null || !tree.isObject()) {
            throw new InvalidResultFileException(file, "is empty or not a JSON object; run the load test again");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new InvalidResultFileException(file, "has no field 'schemaVersion'; it is not a perfgate result");
        }
        if (version.asInt() != LoadTestResult.SCHEMA_VERSION) {
            throw new InvalidResultFileException(file, "has schemaVersion " + version.asInt() + ", but this perfgate reads "
                    + LoadTestResult.SCHEMA_VERSION + "; re-record it with this version (mvn perf:baseline after the tests)");
        }
        defaultOptionalFields((ObjectNode) tree);
        LoadTestResult result;
        try {
            result = MAPPER.treeToValue(tree, LoadTestResult.class);
        } catch (JsonProcessingException e) {
            throw new InvalidResultFileException(file, "is not a complete perfgate result (" + firstLine(e) + ")");
        }
        requireComplete(file, result);
        String expectedId = testIdOf(file);
        if (!expectedId.equals(result.testId())) {
            throw new InvalidResultFileException(file, "holds test '" + result.testId() + "' but is named for '" + expectedId
                    + "'; rename the file or re-record the baseline");
        }
        return result;
    }

    /**
     * The test class a result file records, read without checking the rest of the file, or {@code null}
     * when it records none or cannot be read: a hint about who wrote it, not a result.
     */
    public static String testClassOf(Path file) {
        try {
            JsonNode testClass = MAPPER.readTree(file.toFile()).get("testClass");
            return testClass == null || !testClass.isTextual() ? null : testClass.asText();
        } catch (IOException e) {
            return null;
        }
    }

    /** Every {@code *.json} file in {@code folder}, sorted by name; none when the folder does not exist. */
    public static List<Path> list(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            stream.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    /**
     * Fields added to schema version 1 after its first release are optional: files written before
     * them read as if they held the empty value. Every other field stays required.
     */
    private static void defaultOptionalFields(ObjectNode result) {
        if (!result.has("slo")) {
            result.putNull("slo");
        }
        if (!result.has("iterations")) {
            result.putNull("iterations");
        }
        if (!result.has("resources")) {
            result.putNull("resources");
        }
        if (!result.has("timeSeries")) {
            result.putArray("timeSeries");
        }
        if (!result.has("stages")) {
            result.putNull("stages");
        }
        if (!result.has("appMetrics")) {
            result.putNull("appMetrics");
        }
        if (!result.has("testClass")) {
            result.putNull("testClass");
        }
        if (!result.has("generator")) {
            result.putNull("generator");
        }
        if (!result.has("segment")) {
            result.putNull("segment");
        }
        if (result.get("timeSeries") instanceof ArrayNode seconds) {
            seconds.forEach(second -> putNullIfAbsent(second, "histogram"));
        }
        if (result.get("stages") instanceof ObjectNode stages && stages.get("steps") instanceof ArrayNode steps) {
            steps.forEach(step -> putNullIfAbsent(step, "histogram"));
        }
        if (!result.has("sideBySide")) {
            result.putNull("sideBySide");
        } else if (result.get("sideBySide") instanceof ObjectNode sideBySide) {
            if (!sideBySide.has("interleaved")) {
                sideBySide.put("interleaved", false);
            }
            if (sideBySide.get("trials") instanceof ArrayNode trials) {
                trials.forEach(trial -> {
                    if (trial instanceof ObjectNode fields && !fields.has("instance")) {
                        fields.put("instance", 0);
                    }
                });
            }
        }
        if (result.get("plan") instanceof ObjectNode plan) {
            if (!plan.has("arrivals")) {
                plan.putArray("arrivals");
            }
            if (!plan.has("maxInFlight")) {
                plan.put("maxInFlight", 0);
            }
            if (!plan.has("iterationsPerUser")) {
                plan.put("iterationsPerUser", 0);
            }
            if (!plan.has("userStages")) {
                plan.putArray("userStages");
            }
            if (!plan.has("userTypes")) {
                plan.putArray("userTypes");
            }
        }
        List<JsonNode> operations = new ArrayList<>();
        operations.add(result.get("total"));
        JsonNode named = result.get("operations");
        if (named != null && named.isObject()) {
            named.forEach(operations::add);
        }
        for (JsonNode operation : operations) {
            if (operation instanceof ObjectNode figures) {
                if (!figures.has("windows")) {
                    figures.putArray("windows");
                }
                if (!figures.has("checkFailure")) {
                    figures.putNull("checkFailure");
                }
                figures.get("windows").forEach(window -> putNullIfAbsent(window, "histogram"));
            }
        }
    }

    /** A field only some results hold, e.g. the histograms kept by one part of a distributed run. */
    private static void putNullIfAbsent(JsonNode node, String field) {
        if (node instanceof ObjectNode object && !object.has(field)) {
            object.putNull(field);
        }
    }

    private static void requireComplete(Path file, LoadTestResult result) {
        if (result.testId() == null || result.testId().isBlank()) {
            throw new InvalidResultFileException(file, "has no 'testId'");
        }
        if (result.status() == null) {
            throw new InvalidResultFileException(file, "has no 'status'");
        }
        if (result.total() == null || result.total().latencyMs() == null) {
            throw new InvalidResultFileException(file, "has no 'total' figures");
        }
        result.operations().forEach((name, operation) -> {
            if (operation == null || operation.latencyMs() == null) {
                throw new InvalidResultFileException(file, "operation '" + name + "' has no 'latencyMs' figures");
            }
        });
    }

    /**
     * The JSON tree of {@code file}, or {@code null} or a missing node when it is empty.
     *
     * @param rerun what recreates the file, e.g. {@code "run the load test again"}
     * @throws InvalidResultFileException when the file cannot be read or is not valid JSON (often: truncated)
     */
    public static JsonNode readJson(Path file, ObjectMapper mapper, String rerun) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidResultFileException(file, "cannot be read: " + e);
        }
        try {
            return mapper.readTree(bytes);
        } catch (IOException e) {
            throw new InvalidResultFileException(file, "is not valid JSON (" + firstLine(e) + "); it may be truncated: " + rerun
                    + ", or restore the file from version control");
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
