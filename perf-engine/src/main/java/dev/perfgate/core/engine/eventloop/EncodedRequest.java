package dev.perfgate.core.engine.eventloop;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import dev.perfgate.core.http.OperationNames;

/**
 * The one request a run sends, encoded once: every connection writes the same bytes, so nothing is
 * formatted or allocated per request.
 */
final class EncodedRequest {

    private final String operation;
    private final byte[] bytes;

    private EncodedRequest(String operation, byte[] bytes) {
        this.operation = operation;
        this.bytes = bytes;
    }

    /** A GET of {@code url}'s path and query, with the Host header HTTP/1.1 requires. */
    static EncodedRequest get(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String pathAndQuery = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        String host = url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
        String head = "GET " + pathAndQuery + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "User-Agent: perfgate\r\n"
                + "\r\n";
        return new EncodedRequest(OperationNames.of("GET", path), head.getBytes(StandardCharsets.US_ASCII));
    }

    /** The operation the requests are recorded under, e.g. {@code "GET /hello"}. */
    String operation() {
        return operation;
    }

    /** The request as sent; a copy. */
    byte[] bytes() {
        return bytes.clone();
    }
}
