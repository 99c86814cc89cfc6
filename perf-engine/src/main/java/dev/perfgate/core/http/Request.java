package dev.perfgate.core.http;

/**
 * One request being written: headers and a body, then {@link #send()}. Made by
 * {@link Http#request(String, String, String)}; like its {@link Http}, used by one virtual user.
 *
 * <pre>{@code
 * Response created = http.request("create order", "POST", "/api/orders")
 *         .header("Authorization", "Bearer " + token)
 *         .json("{\"item\":42}")
 *         .check(Check.status(201))
 *         .send();
 * }</pre>
 *
 * Its {@code toString} shows the method, path and headers with credentials masked
 * ({@link Redaction}), so it can go into a failure message.
 */
public interface Request {

    /**
     * Adds header {@code name: value} to this request, replacing a value set before under the same
     * name (case-insensitive), including a default of its {@link Http}. Headers the HTTP client sets
     * itself ({@code Host}, {@code Content-Length}, {@code Connection}, {@code Expect},
     * {@code Upgrade}) are refused when sent.
     */
    Request header(String name, String value);

    /** Sends {@code json} as the body, with {@code Content-Type: application/json} unless a header set another. */
    Request json(String json);

    /** Sends {@code body} (UTF-8) as the body, with {@code Content-Type: contentType}. */
    Request body(String contentType, String body);

    /**
     * Checks the response must pass, added to those given before; a response that fails one counts as a
     * {@link ErrorKind#CHECK} error of this request's operation (see {@link Check}).
     */
    Request check(Check... checks);

    /**
     * Sends the request, times it under its operation and returns what came back; failures are counted
     * and returned, not thrown.
     *
     * @throws IllegalArgumentException when a header is malformed or one the HTTP client sets itself
     */
    Response send();
}
