package dev.perfgate.core.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * How a virtual user's requests go over the wire: {@link SocketTransport} gives each user one keep-alive
 * connection of its own (the engine's default), {@link JdkTransport} shares the JDK's client by all
 * users of a run. The
 * request's timing, checks and recording are {@link UserHttp}'s; a transport only exchanges. Used by
 * one thread at a time.
 *
 * <pre>{@code
 * try (HttpTransport transport = new SocketTransport(target)) {
 *     Response answer = transport.exchange("GET", target.resolve("/health"), Map.of(), null, Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Sends one request and returns the whole response, its {@link Response#error()} set by status.
     *
     * @param headers the request's headers by name as given (no {@code Host} or {@code Content-Length}:
     *                the transport sets those)
     * @param body    the body (UTF-8), or {@code null} for none
     * @param timeout longest the exchange may take
     * @throws HttpTimeoutException when no whole response arrived within {@code timeout}
     * @throws IOException          when the connection failed or the answer was not HTTP
     * @throws HeaderRefused        when a header cannot be sent, before anything is sent
     */
    Response exchange(String method, URI uri, Map<String, String> headers, String body, Duration timeout)
            throws IOException, InterruptedException;

    /** Releases the connections this transport alone holds; a no-op for a shared one. */
    @Override
    default void close() {
    }

    /** A header the transport will not send: one it sets itself, or a malformed name or value. */
    final class HeaderRefused extends IllegalArgumentException {

        private final String header;

        public HeaderRefused(String header, String why) {
            super(why);
            this.header = header;
        }

        /** The header's name as given. */
        public String header() {
            return header;
        }
    }
}
