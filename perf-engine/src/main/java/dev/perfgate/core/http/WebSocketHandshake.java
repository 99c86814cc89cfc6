package dev.perfgate.core.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The opening handshake of RFC 6455 on the client's side: the upgrade request, and the check that the
 * answer accepts exactly this request's key (a server or proxy that answers something else is not
 * speaking WebSocket).
 */
final class WebSocketHandshake {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final String key;

    WebSocketHandshake() {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        this.key = Base64.getEncoder().encodeToString(nonce);
    }

    /** The upgrade request for {@code pathAndQuery} on {@code authority}, with the user's {@code headers}. */
    byte[] request(String pathAndQuery, String authority, Map<String, String> headers) {
        StringBuilder request = new StringBuilder(256)
                .append("GET ").append(pathAndQuery).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority).append("\r\n")
                .append("Upgrade: websocket\r\n")
                .append("Connection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(key).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("host") && !lower.equals("upgrade") && !lower.equals("connection") && !lower.startsWith("sec-websocket-")) {
                request.append(name).append(": ").append(value).append("\r\n");
            }
        });
        return request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks a {@code 101} answer's headers: {@code Upgrade: websocket} and the accept value of this key.
     *
     * @throws IOException saying what the answer lacked
     */
    void check(Response answer) throws IOException {
        String upgrade = answer.header("Upgrade").orElse(null);
        if (upgrade == null || !upgrade.strip().equalsIgnoreCase("websocket")) {
            throw new IOException("the answer to the WebSocket handshake upgrades to '" + upgrade + "', not to websocket");
        }
        String accept = answer.header("Sec-WebSocket-Accept").orElse(null);
        if (accept == null || !accept.strip().equals(expectedAccept())) {
            throw new IOException("the answer to the WebSocket handshake does not accept its key (Sec-WebSocket-Accept: " + accept + ")");
        }
    }

    private String expectedAccept() {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return Base64.getEncoder().encodeToString(sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-1, which the WebSocket handshake needs", e);
        }
    }
}
