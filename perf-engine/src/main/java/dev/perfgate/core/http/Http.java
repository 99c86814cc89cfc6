package dev.perfgate.core.http;

/**
 * The HTTP client a virtual user drives the application with. Every call is timed and recorded
 * under an operation name; failures (4xx, 5xx, timeouts, connection errors) are counted by kind and
 * returned as a {@link Response} rather than thrown, so that one failing request does not end the
 * user's iteration unless the scenario decides so.
 *
 * <pre>{@code
 * Response r = http.get("greeting", "/api/greeting?name=ada");
 * http.get("profile", "/api/me", Check.status(200), Check.jsonField("user.id").exists());
 * http.post("order", "/api/orders", "{\"item\":42}");
 * http.put("rename", "/api/orders/7", "{\"name\":\"x\"}");
 * http.delete("cancel", "/api/orders/7");
 *
 * // any method, with headers:
 * http.request("create", "POST", "/api/orders")
 *         .header("Authorization", "Bearer " + token)
 *         .json("{\"item\":42}")
 *         .send();
 *
 * // a header this user sends with every later request, e.g. after logging in once:
 * if (user.iteration() == 1) {
 *     http.withHeader("Authorization", "Bearer " + login(http));
 * }
 * }</pre>
 *
 * Paths are relative to the target and start with {@code /}; a path naming another host
 * ({@code //host/...}) is refused. Credentials in headers, URLs and query parameters never appear in
 * what perfgate prints or stores ({@link Redaction}).
 *
 * <p>Not thread-safe: each virtual user has its own instance, and its default headers.
 */
public interface Http {

    /** GET {@code path}, recorded under the operation {@code "GET <path without query>"}. */
    default Response get(String path) {
        return get(OperationNames.of("GET", path), path);
    }

    /** GET {@code path} (relative to the target, e.g. {@code "/api/items?id=3"}), recorded as {@code operation}. */
    Response get(String operation, String path);

    /**
     * GET {@code path}, recorded as {@code operation}; a response that fails one of {@code checks} counts
     * as a {@link ErrorKind#CHECK} error of {@code operation}.
     */
    default Response get(String operation, String path, Check... checks) {
        return request(operation, "GET", path).check(checks).send();
    }

    /** POST {@code jsonBody} with content type {@code application/json} to {@code path}, recorded as {@code operation}. */
    Response post(String operation, String path, String jsonBody);

    /** POST {@code jsonBody} as {@link #post(String, String, String)}, failing as a check when the response fails one of {@code checks}. */
    default Response post(String operation, String path, String jsonBody, Check... checks) {
        return request(operation, "POST", path).json(jsonBody).check(checks).send();
    }

    /** PUT {@code jsonBody} with content type {@code application/json} to {@code path}, recorded as {@code operation}. */
    default Response put(String operation, String path, String jsonBody) {
        return request(operation, "PUT", path).json(jsonBody).send();
    }

    /** DELETE {@code path}, recorded as {@code operation}. */
    default Response delete(String operation, String path) {
        return request(operation, "DELETE", path).send();
    }

    /** A {@code method} request to {@code path}, recorded under {@code "<method> <path without query>"}. */
    default Request request(String method, String path) {
        return request(OperationNames.of(method, path), method, path);
    }

    /**
     * A request to write: {@code method} (upper case, e.g. {@code "PATCH"}) to {@code path}, recorded
     * as {@code operation} when {@link Request#send() sent}.
     *
     * @throws IllegalArgumentException when the method is not upper-case letters or the path does not start with one {@code /}
     */
    Request request(String operation, String method, String path);

    /**
     * Sends {@code name: value} with every later request of this user (this iteration and the next
     * ones), replacing an earlier default of that name; a header of one request overrides it.
     *
     * @return this client
     */
    Http withHeader(String name, String value);

    /** Stops sending the default header {@code name} (case-insensitive); returns this client. */
    Http withoutHeader(String name);

    /**
     * Opens a WebSocket on {@code path} (ws, or wss on an https target) on a connection of its own,
     * with this user's default headers; the handshake is recorded as {@code "<operation> open"}, each
     * message waited for under {@code operation} (see {@link WebSocket}). A socket still open when
     * the user ends is closed then.
     *
     * <pre>{@code
     * try (WebSocket chat = http.websocket("chat", "/ws/chat")) {
     *     chat.exchange("{\"text\":\"hello\"}");
     * }
     * }</pre>
     *
     * @throws IllegalArgumentException when the path does not start with one {@code /}
     */
    WebSocket websocket(String operation, String path);
}
