package dev.perfgate.core.calibrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.perfgate.core.compare.Metric;
import dev.perfgate.core.io.AtomicFiles;
import dev.perfgate.core.result.InvalidResultFileException;
import dev.perfgate.core.result.ResultFiles;

/**
 * The calibrated tolerances as a JSON file committed beside the baselines, so that every build gates
 * with them. Written atomically; read with errors that name the file and the field.
 *
 * <pre>{@code
 * CalibrationFile.write(Path.of("baselines/calibration/tolerances.json"), calibration);
 * Calibration again = CalibrationFile.read(Path.of("baselines/calibration/tolerances.json"));
 * }</pre>
 */
public final class CalibrationFile {

    /** The file's kind, in its {@code schema} field. */
    public static final String SCHEMA = "perfgate-calibration";

    /** The layout this version writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * Where the calibration lives in a baseline folder: in a folder of its own, because every {@code *.json}
     * directly in the baseline folder is a load test's baseline.
     */
    public static final String IN_BASELINES = "calibration/tolerances.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final String RECALIBRATE = "calibrate again with: mvn verify perf:calibrate";

    private CalibrationFile() {
    }

    /** The calibration file of {@code baselineDirectory}. */
    public static Path in(Path baselineDirectory) {
        return baselineDirectory.resolve(IN_BASELINES);
    }

    /** Writes {@code calibration} to {@code file}, replacing it atomically. */
    public static void write(Path file, Calibration calibration) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("calibratedAt", calibration.calibratedAt().toString());
        root.put("spreads", calibration.spreads());
        ArrayNode metrics = root.putArray("metrics");
        for (CalibratedMetric metric : calibration.metrics()) {
            ObjectNode node = metrics.addObject();
            node.put("test", metric.testId());
            node.put("operation", metric.operation());
            node.put("metric", metric.metric().key());
            node.put("runs", metric.runs());
            node.put("median", metric.median());
            node.put("spreadPercent", metric.spreadPercent());
            node.put("tolerancePercent", metric.tolerancePercent());
        }
        AtomicFiles.write(file, MAPPER.writeValueAsBytes(root));
    }

    /**
     * The calibration in {@code file}, or {@code null} when there is no such file.
     *
     * @throws InvalidResultFileException naming the file and the field when it cannot be used
     */
    public static Calibration readIfPresent(Path file) {
        return Files.isRegularFile(file) ? read(file) : null;
    }

    /**
     * The calibration in {@code file}.
     *
     * @throws InvalidResultFileException naming the file and the field when it cannot be used
     */
    public static Calibration read(Path file) {
        JsonNode root = ResultFiles.readJson(file, MAPPER, RECALIBRATE);
        if (!SCHEMA.equals(root.path("schema").asText())) {
            throw new InvalidResultFileException(file, "is not a perfgate calibration (schema \"" + root.path("schema").asText()
                    + "\", expected \"" + SCHEMA + "\")");
        }
        if (root.path("schemaVersion").asInt() != SCHEMA_VERSION) {
            throw new InvalidResultFileException(file, "has schemaVersion " + root.path("schemaVersion") + "; this perfgate reads "
                    + SCHEMA_VERSION + ": " + RECALIBRATE);
        }
        Instant calibratedAt;
        try {
            calibratedAt = Instant.parse(root.path("calibratedAt").asText());
        } catch (DateTimeParseException e) {
            throw new InvalidResultFileException(file, "field calibratedAt: \"" + root.path("calibratedAt").asText()
                    + "\" is not an instant such as 2026-12-05T21:00:00Z");
        }
        List<CalibratedMetric> metrics = new ArrayList<>();
        JsonNode entries = root.path("metrics");
        if (!entries.isArray()) {
            throw new InvalidResultFileException(file, "field metrics: missing or not a list; " + RECALIBRATE);
        }
        for (int i = 0; i < entries.size(); i++) {
            metrics.add(metric(file, "metrics[" + i + "]", entries.get(i)));
        }
        try {
            return new Calibration(calibratedAt, root.path("spreads").asDouble(), metrics);
        } catch (IllegalArgumentException e) {
            throw new InvalidResultFileException(file, e.getMessage());
        }
    }

    private static CalibratedMetric metric(Path file, String where, JsonNode node) {
        try {
            return new CalibratedMetric(text(node, "test"), text(node, "operation"), oneMetric(text(node, "metric")),
                    node.path("runs").asInt(), number(node, "median"), number(node, "spreadPercent"), number(node, "tolerancePercent"));
        } catch (IllegalArgumentException e) {
            throw new InvalidResultFileException(file, where + ": " + e.getMessage() + "; correct it or " + RECALIBRATE);
        }
    }

    private static Metric oneMetric(String key) {
        Set<Metric> metrics = Metric.parseList(key);
        if (metrics.size() != 1) {
            throw new IllegalArgumentException("field metric: '" + key + "' must name one metric, e.g. p50");
        }
        return metrics.iterator().next();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("field " + field + " is missing or not text");
        }
        return value.asText();
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("field " + field + " is missing or not a number");
        }
        return value.asDouble();
    }
}
