package dev.perfgate.core.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes an HTTP/1.1 request into a buffer it keeps from one request to the next, for
 * {@link SocketTransport}: ASCII straight into bytes, anything else as UTF-8. Headers the transport sets
 * itself, and malformed names or values, are refused with the JDK client's messages before anything
 * is sent. Not thread-safe.
 */
final class RequestWriter {

    private static final String[] OWN_HEADERS = {"host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding"};
    /** Methods whose requests carry no Content-Length unless they have a body, as the JDK's client sends them. */
    private static final String[] WITHOUT_BODY = {"GET", "HEAD", "DELETE", "OPTIONS", "TRACE"};

    private static final int KEPT_BYTES = 16 * 1024;

    private final String host;
    private byte[] bytes = new byte[256];
    private int length;

    /** Requests to {@code host}, as the {@code Host} header names it, e.g. {@code "127.0.0.1:8080"}. */
    RequestWriter(String host) {
        this.host = host;
    }

    /** The request's bytes, valid until the next {@link #write}. */
    byte[] bytes() {
        return bytes;
    }

    /** How many of {@link #bytes()} the last request took. */
    int length() {
        return length;
    }

    /**
     * Writes one request; {@code body} {@code null} for none.
     *
     * @throws HttpTransport.HeaderRefused for a header this transport does not send as given
     */
    void write(String method, URI uri, Map<String, String> headers, String body) {
        if (bytes.length > KEPT_BYTES) {
            // One large upload should not stay in every user's memory for the rest of the run.
            bytes = new byte[256];
        }
        length = 0;
        text(method);
        add(' ');
        String path = uri.getRawPath();
        text(path == null || path.isEmpty() ? "/" : path);
        String query = uri.getRawQuery();
        if (query != null) {
            add('?');
            text(query);
        }
        text(" HTTP/1.1\r\nHost: ");
        text(host);
        text("\r\n");
        boolean userAgent = false;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            String value = header.getValue();
            requireSendable(name, value);
            userAgent |= name.equalsIgnoreCase("User-Agent");
            text(name);
            text(": ");
            text(value);
            text("\r\n");
        }
        if (!userAgent) {
            text("User-Agent: perfgate\r\n");
        }
        byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        if (content != null || !isOneOf(method, WITHOUT_BODY)) {
            text("Content-Length: ");
            text(Integer.toString(content == null ? 0 : content.length));
            text("\r\n");
        }
        text("\r\n");
        if (content != null) {
            ensure(content.length);
            System.arraycopy(content, 0, bytes, length, content.length);
            length += content.length;
        }
    }

    private static void requireSendable(String name, String value) {
        if (!isToken(name)) {
            throw new HttpTransport.HeaderRefused(name, "invalid header name \"" + name + "\"");
        }
        for (String own : OWN_HEADERS) {
            if (own.equalsIgnoreCase(name)) {
                throw new HttpTransport.HeaderRefused(name, "restricted header name: \"" + name + "\"");
            }
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new HttpTransport.HeaderRefused(name, "invalid header value for header \"" + name + "\"");
        }
    }

    /** Whether {@code name} is an HTTP token (RFC 9110): letters, digits and {@code !#$%&'*+-.^_`|~}. */
    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!letterOrDigit && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOneOf(String value, String[] values) {
        for (String candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private void text(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // Rare (a header value outside ASCII): the rest of this text as UTF-8.
                byte[] rest = text.substring(i).getBytes(StandardCharsets.UTF_8);
                ensure(rest.length);
                System.arraycopy(rest, 0, bytes, length, rest.length);
                length += rest.length;
                return;
            }
            bytes[length++] = (byte) c;
        }
    }

    private void add(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
