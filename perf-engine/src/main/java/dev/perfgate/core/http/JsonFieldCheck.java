package dev.perfgate.core.http;

import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A field of a JSON response body, made by {@link Check#jsonField(String)}; {@link #exists()} and
 * {@link #isEqualTo(Object)} turn it into a check.
 *
 * <pre>{@code
 * jsonField("user.id").exists()
 * jsonField("items[0].status").isEqualTo("open")
 * jsonField("/count").isEqualTo(3)
 * }</pre>
 */
public final class JsonFieldCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DOTTED = Pattern.compile("[^.\\[\\]]+|\\[(\\d+)]");

    private final String path;
    private final JsonPointer pointer;

    JsonFieldCheck(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("jsonField: give a path, e.g. \"user.id\", \"items[0].name\" or \"/user/id\"");
        }
        this.path = path.strip();
        this.pointer = JsonPointer.compile(this.path.startsWith("/") ? this.path : pointerOf(this.path));
    }

    /** The field is present (and not JSON {@code null}). */
    public Check exists() {
        return response -> judged(response,
                node -> node.isMissingNode() || node.isNull() ? "JSON field " + path + " exists, but it is missing" : null);
    }

    /**
     * The field equals {@code expected}: a string equals a JSON string, a number a JSON number of the
     * same value, a boolean a JSON boolean; {@code null} means JSON {@code null}.
     */
    public Check isEqualTo(Object expected) {
        JsonNode wanted = JSON.valueToTree(expected);
        return response -> judged(response, node -> {
            if (node.isMissingNode()) {
                return "JSON field " + path + " is " + wanted + ", but it is missing";
            }
            boolean equal = node.isNumber() && wanted.isNumber() ? node.decimalValue().compareTo(wanted.decimalValue()) == 0
                    : node.equals(wanted);
            return equal ? null : "JSON field " + path + " is " + wanted + ", was " + abbreviated(node.toString());
        });
    }

    /** What {@code rule} says of the field in {@code response}'s body, or why the body is not JSON. */
    private String judged(Response response, Function<JsonNode, String> rule) {
        try {
            return rule.apply(field(response));
        } catch (JsonProcessingException e) {
            return "JSON field " + path + " checked, but the body is not JSON";
        }
    }

    private JsonNode field(Response response) throws JsonProcessingException {
        return JSON.readTree(response.body().isEmpty() ? "null" : response.body()).at(pointer);
    }

    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** {@code "items[0].name"} as the JSON pointer {@code "/items/0/name"}. */
    static String pointerOf(String dotted) {
        StringBuilder pointer = new StringBuilder();
        Matcher part = DOTTED.matcher(dotted);
        while (part.find()) {
            String name = part.group(1) != null ? part.group(1) : part.group();
            pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    @Override
    public String toString() {
        return "jsonField(" + Objects.toString(path) + ")";
    }
}
