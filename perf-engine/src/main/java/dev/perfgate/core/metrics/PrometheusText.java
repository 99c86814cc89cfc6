package dev.perfgate.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Prometheus text exposition format (version 0.0.4, also what OpenMetrics endpoints
 * mostly serve): one sample a line, {@code name{label="value",...} value [timestamp]}; {@code #}
 * lines ({@code HELP}, {@code TYPE}, comments) and blank lines skipped; label values with
 * {@code \\}, {@code \"} and {@code \n} escapes; values {@code NaN}, {@code +Inf}, {@code -Inf}.
 * A line that cannot be read is skipped and counted, never fatal: the application's endpoint is not
 * ours to police.
 *
 * <pre>{@code
 * PrometheusText text = PrometheusText.parse("cache_hit_ratio{cache=\"users\"} 0.93\n");
 * double ratio = text.sum("cache_hit_ratio", Map.of());   // 0.93
 * }</pre>
 */
public final class PrometheusText {

    /** One sample: a metric name, its labels and its value (possibly NaN or infinite). */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;
    private final int unreadableLines;

    private PrometheusText(List<Sample> samples, int unreadableLines) {
        this.samples = Collections.unmodifiableList(samples);
        this.unreadableLines = unreadableLines;
    }

    /** The samples of {@code text}. */
    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        int unreadable = 0;
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Sample sample = sampleOf(trimmed);
            if (sample == null) {
                unreadable++;
            } else {
                samples.add(sample);
            }
        }
        return new PrometheusText(samples, unreadable);
    }

    /** Every sample, in the order served. */
    public List<Sample> samples() {
        return samples;
    }

    /** Lines that were neither a sample nor a comment. */
    public int unreadableLines() {
        return unreadableLines;
    }

    /**
     * The sum of the samples named {@code name} whose labels include {@code labels} (a counter or gauge
     * served per label set, e.g. per pool, adds up); {@code null} when there is none.
     */
    public Double sum(String name, Map<String, String> labels) {
        Double sum = null;
        for (Sample sample : samples) {
            if (sample.name().equals(name) && sample.labels().entrySet().containsAll(labels.entrySet())) {
                sum = (sum == null ? 0 : sum) + sample.value();
            }
        }
        return sum;
    }

    /** The sample of {@code line}, or {@code null} when it is not one. */
    static Sample sampleOf(String line) {
        int i = 0;
        while (i < line.length() && isNameChar(line.charAt(i), i == 0)) {
            i++;
        }
        if (i == 0) {
            return null;
        }
        String name = line.substring(0, i);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i = labels(line, i + 1, labels);
            if (i < 0) {
                return null;
            }
        }
        String[] rest = line.substring(i).strip().split("\\s+");
        if (rest.length < 1 || rest.length > 2 || rest[0].isEmpty()) {
            return null;
        }
        Double value = valueOf(rest[0]);
        return value == null ? null : new Sample(name, Collections.unmodifiableMap(labels), value);
    }

    /** Reads {@code a="x",b="y"}} from {@code from}; the index after the closing brace, or -1. */
    private static int labels(String line, int from, Map<String, String> labels) {
        int i = from;
        while (true) {
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == ',')) {
                i++;
            }
            if (i < line.length() && line.charAt(i) == '}') {
                return i + 1;
            }
            int nameStart = i;
            while (i < line.length() && isNameChar(line.charAt(i), i == nameStart) && line.charAt(i) != ':') {
                i++;
            }
            if (i == nameStart || i + 1 >= line.length() || line.charAt(i) != '=' || line.charAt(i + 1) != '"') {
                return -1;
            }
            String labelName = line.substring(nameStart, i);
            StringBuilder value = new StringBuilder();
            i += 2;
            while (i < line.length() && line.charAt(i) != '"') {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    char next = line.charAt(++i);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
                i++;
            }
            if (i >= line.length()) {
                return -1;
            }
            labels.put(labelName, value.toString());
            i++;
        }
    }

    private static Double valueOf(String text) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return null;
                }
        }
    }

    private static boolean isNameChar(char c, boolean first) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || !first && c >= '0' && c <= '9';
    }
}
