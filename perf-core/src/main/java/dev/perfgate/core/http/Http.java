package dev.perfgate.core.http;

/**
 * The HTTP client a virtual user drives the application with. Every call is timed and recorded
 * under an operation name; failures (4xx, 5xx, timeouts, connection errors) are counted by kind and
 * returned as a {@link Response} rather than thrown, so that one failing request does not end the
 * user's iteration unless the scenario decides so.
 *
 * <pre>{@code
 * Response r = http.get("greeting", "/api/greeting?name=ada");
 * http.post("order", "/api/orders", "{\"item\":42}");
 * }</pre>
 *
 * Not thread-safe: each virtual user has its own instance.
 */
public interface Http {

    /** GET {@code path}, recorded under the operation {@code "GET <path without query>"}. */
    default Response get(String path) {
        return get(OperationNames.of("GET", path), path);
    }

    /** GET {@code path} (relative to the target, e.g. {@code "/api/items?id=3"}), recorded as {@code operation}. */
    Response get(String operation, String path);

    /** POST {@code jsonBody} with content type {@code application/json} to {@code path}, recorded as {@code operation}. */
    Response post(String operation, String path, String jsonBody);
}
