package dev.perfgate.core.http;

/** Default operation names: the method and the path without its query, e.g. {@code "GET /api/items"}. */
final class OperationNames {

    private OperationNames() {
    }

    static String of(String method, String path) {
        int query = path.indexOf('?');
        return method + " " + (query < 0 ? path : path.substring(0, query));
    }
}
