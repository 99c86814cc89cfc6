package dev.perfgate.core.http;

/**
 * Default operation names: the method and the path without its query, e.g. {@code "GET /api/items"}.
 * Credentials in the path (user info, secret matrix parameters such as {@code ;jsessionid=}) are
 * masked, since operation names go into results and reports.
 *
 * <pre>{@code
 * OperationNames.of("GET", "/api/items?id=3"); // "GET /api/items"
 * }</pre>
 */
public final class OperationNames {

    private OperationNames() {
    }

    /** The name of a {@code method} request to {@code path}, a path relative to the target such as {@code "/api/items?id=3"}. */
    public static String of(String method, String path) {
        int query = path.indexOf('?');
        return method + " " + Redaction.uri(query < 0 ? path : path.substring(0, query));
    }
}
