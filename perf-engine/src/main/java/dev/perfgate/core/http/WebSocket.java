package dev.perfgate.core.http;

/**
 * A WebSocket a virtual user opened with {@link Http#websocket(String, String)}: its own connection,
 * written and read by the user's thread. Each message waited for is timed and recorded, so a
 * streaming endpoint is gated like a request: by latency percentiles and errors by kind.
 *
 * <pre>{@code
 * try (WebSocket chat = http.websocket("chat", "/ws/chat")) {   // "chat open": the handshake
 *     chat.exchange("hello");                                  // "chat": from the send to the first message back
 *     for (int token = 0; token < 20; token++) {
 *         chat.receive();                                      // "chat receive": from the last message or send
 *     }
 * }
 * }</pre>
 *
 * <p>Failures are recorded and returned, not thrown: an answer other than {@code 101} to the handshake
 * (by its status class), no message within the request timeout ({@link ErrorKind#TIMEOUT}), and a
 * connection that broke, was closed by the server or spoke something else than WebSocket
 * ({@link ErrorKind#CONNECTION}). After a failure the socket is closed; later calls fail at once with
 * {@link ErrorKind#CONNECTION}, each recorded. Text messages arrive as text; binary ones as their bytes
 * read as ISO-8859-1. The server's pings are answered. Not thread-safe: one user's thread.
 */
public interface WebSocket extends AutoCloseable {

    /** Sends {@code text} as one message. Not timed: the next {@link #receive()} is timed from it. */
    Message send(String text);

    /** Sends {@code text} and waits for the next message: one round trip, recorded under the socket's operation. */
    Message exchange(String text);

    /**
     * The next message, recorded as {@code "<operation> receive"} and timed from the later of the last
     * send and the last message received, so that a stream's messages are timed by their gaps. Time the
     * scenario spends between two calls counts in the second.
     */
    Message receive();

    /** Whether the connection is still open for messages. */
    boolean isOpen();

    /** Closes the connection (a close message, then the socket); again does nothing. */
    @Override
    void close();

    /**
     * A message received, or why none was: {@code error} is {@code null} on success.
     *
     * @param text  the message ({@code ""} when none)
     * @param error why it failed, or {@code null}
     */
    record Message(String text, ErrorKind error) {

        /** Whether a message arrived. */
        public boolean ok() {
            return error == null;
        }
    }
}
