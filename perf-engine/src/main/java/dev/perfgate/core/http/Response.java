package dev.perfgate.core.http;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a request returned.
 *
 * @param status  the HTTP status, or 0 when no response arrived
 * @param body    the response body as text, empty when none arrived
 * @param error   why the request counts as failed, or {@code null} when it succeeded
 * @param headers the response headers, names case-insensitive; empty when no response arrived
 * @param failure which {@link Check} the response failed and why, naming the operation, e.g.
 *                {@code "check failed on 'chat': status is 200, was 503"}; {@code null} when no check failed
 */
public record Response(int status, String body, ErrorKind error, Map<String, List<String>> headers, String failure) {

    public Response {
        // A transport's own headers are unmodifiable and case-insensitive already: not copied.
        if (!(headers instanceof ResponseHeaders)) {
            TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            headers = Collections.unmodifiableMap(copy);
        }
    }

    /** A response no check failed. */
    public Response(int status, String body, ErrorKind error, Map<String, List<String>> headers) {
        this(status, body, error, headers, null);
    }

    /** A response without headers. */
    public Response(int status, String body, ErrorKind error) {
        this(status, body, error, Map.of());
    }

    /** Whether the request succeeded (a response below 400 arrived). */
    public boolean ok() {
        return error == null;
    }

    /** The first value of header {@code name} (case-insensitive), if the response has it. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A copy that failed a check: {@link ErrorKind#CHECK}, for {@code why}. */
    Response failedCheck(String why) {
        return new Response(status, body, ErrorKind.CHECK, headers, why);
    }

    /** Status, error, headers with credentials masked ({@link Redaction}) and the body's length: no secrets, no bulk. */
    @Override
    public String toString() {
        return "Response[status=" + status + ", error=" + error + ", headers=" + Redaction.headers(headers) + ", body="
                + body.length() + " chars" + (failure == null ? "" : ", failure=" + Redaction.text(failure)) + "]";
    }
}
