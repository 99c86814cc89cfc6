package dev.perfgate.core.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One virtual user's WebSocket (RFC 6455, client side) on a blocking connection of its own: the
 * handshake through {@link WebSocketHandshake}, frames read through an {@link AnswerReader} (which
 * keeps the bytes after the handshake and enforces each wait's deadline), client frames masked as
 * the protocol requires. Each wait for a message is timed and recorded; see {@link WebSocket}.
 */
final class WebSocketConnection implements WebSocket {

    /** Longest message taken, so that a server streaming without end cannot fill the heap. */
    static final int MAX_MESSAGE = 16 * 1024 * 1024;

    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;
    private static final int CONTINUATION = 0x0;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;
    private static final WebSocket.Message NO_MESSAGE = new WebSocket.Message("", null);

    private final String operation;
    private final Duration timeout;
    private final RequestRecorder recorder;
    private final AnswerReader reader = new AnswerReader();
    private Socket socket;
    private OutputStream out;
    /** When the last message was sent or received: what {@link #receive()} is timed from. */
    private long lastNanos;
    /** Why the connection ended, once it did. */
    private String ended;

    private WebSocketConnection(String operation, Duration timeout, RequestRecorder recorder) {
        this.operation = operation;
        this.timeout = timeout;
        this.recorder = recorder;
    }

    /**
     * Opens a WebSocket on {@code uri} (http or https, as resolved on the target), recording the handshake as
     * {@code "<operation> open"}; a failed handshake gives a closed socket whose calls fail.
     */
    static WebSocketConnection open(String operation, URI uri, Map<String, String> headers, Duration timeout,
            RequestRecorder recorder) {
        WebSocketConnection connection = new WebSocketConnection(operation, timeout, recorder);
        connection.handshake(uri, headers);
        return connection;
    }

    private void handshake(URI uri, Map<String, String> headers) {
        String opened = operation + " open";
        long start = System.nanoTime();
        reader.deadline(start + timeout.toNanos());
        try {
            SocketOpener opener = new SocketOpener(uri, null);
            socket = opener.open(reader::remainingMillis);
            reader.readFrom(socket);
            out = socket.getOutputStream();
            WebSocketHandshake handshake = new WebSocketHandshake();
            String path = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
            out.write(handshake.request(path, opener.authority(), headers));
            Response answer = reader.readUpgrade();
            if (answer.status() != 101) {
                ErrorKind kind = answer.error() != null ? answer.error() : ErrorKind.CONNECTION;
                end("the server answered the WebSocket handshake with " + answer.status());
                recorder.record(opened, start, System.nanoTime() - start, kind);
                return;
            }
            handshake.check(answer);
            lastNanos = System.nanoTime();
            recorder.record(opened, start, lastNanos - start, null);
        } catch (IOException e) {
            end(e.getMessage());
            recorder.record(opened, start, System.nanoTime() - start, kindOf(e));
        }
    }

    @Override
    public WebSocket.Message send(String text) {
        if (ended != null) {
            return failed(operation, System.nanoTime(), ErrorKind.CONNECTION);
        }
        long start = System.nanoTime();
        try {
            writeFrame(TEXT, text.getBytes(StandardCharsets.UTF_8));
            lastNanos = System.nanoTime();
            return NO_MESSAGE;
        } catch (IOException e) {
            end(e.getMessage());
            return failed(operation, start, ErrorKind.CONNECTION);
        }
    }

    @Override
    public WebSocket.Message exchange(String text) {
        WebSocket.Message sent = send(text);
        return sent.ok() ? next(operation) : sent;
    }

    @Override
    public WebSocket.Message receive() {
        return next(operation + " receive");
    }

    @Override
    public boolean isOpen() {
        return ended == null;
    }

    @Override
    public void close() {
        if (ended == null) {
            try {
                // 1000: a normal closure. The server's reply is not awaited: the socket closes now.
                writeFrame(CLOSE, new byte[] {0x03, (byte) 0xE8});
            } catch (IOException ignored) {
                // closing anyway
            }
            end("closed by the user");
        }
    }

    /** The next data message, timed from the last one sent or received and recorded as {@code name}. */
    private WebSocket.Message next(String name) {
        if (ended != null) {
            return failed(name, System.nanoTime(), ErrorKind.CONNECTION);
        }
        long start = lastNanos;
        reader.deadline(System.nanoTime() + timeout.toNanos());
        try {
            String text = readMessage();
            lastNanos = System.nanoTime();
            recorder.record(name, start, lastNanos - start, null);
            return new WebSocket.Message(text, null);
        } catch (IOException e) {
            end(e.getMessage());
            return failed(name, start, kindOf(e));
        }
    }

    /** Reads frames until a whole data message arrived, answering pings and ending at a close. */
    private String readMessage() throws IOException {
        ByteArrayOutputStream message = null;
        boolean text = true;
        while (true) {
            int first = reader.nextByte();
            int second = reader.nextByte();
            boolean fin = (first & 0x80) != 0;
            int opcode = first & 0x0F;
            if ((second & 0x80) != 0) {
                throw new IOException("the server masked a frame, which RFC 6455 forbids");
            }
            long length = second & 0x7F;
            if (length == 126) {
                length = (reader.nextByte() << 8) | reader.nextByte();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | reader.nextByte();
                }
            }
            if (length < 0 || length > MAX_MESSAGE || (message != null && message.size() + length > MAX_MESSAGE)) {
                throw new IOException("a WebSocket message longer than " + MAX_MESSAGE + " bytes");
            }
            byte[] payload = new byte[(int) length];
            reader.readInto(payload, 0, payload.length);
            switch (opcode) {
                case PING -> writeFrame(PONG, payload);
                case PONG -> {
                    // an answer to nothing this client sent: ignored, as RFC 6455 allows
                }
                case CLOSE -> throw new IOException("the server closed the WebSocket" + closeReason(payload));
                case TEXT, BINARY -> {
                    if (message != null) {
                        throw new IOException("a new WebSocket message began before the last one ended");
                    }
                    if (fin) {
                        return decode(payload, opcode == TEXT);
                    }
                    text = opcode == TEXT;
                    message = new ByteArrayOutputStream();
                    message.write(payload);
                }
                case CONTINUATION -> {
                    if (message == null) {
                        throw new IOException("a WebSocket continuation frame with no message begun");
                    }
                    message.write(payload);
                    if (fin) {
                        return decode(message.toByteArray(), text);
                    }
                }
                default -> throw new IOException("a WebSocket frame of unknown opcode " + opcode);
            }
        }
    }

    private static String decode(byte[] payload, boolean text) {
        return new String(payload, text ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    /** " (code reason)" from a close frame's payload, or "" when it has none. */
    private static String closeReason(byte[] payload) {
        if (payload.length < 2) {
            return "";
        }
        int code = ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        String reason = new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        return " (" + code + (reason.isEmpty() ? "" : " " + Redaction.text(reason)) + ")";
    }

    /** One final frame of {@code opcode}, masked with a fresh key. */
    private void writeFrame(int opcode, byte[] payload) throws IOException {
        int length = payload.length;
        int header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
        byte[] frame = new byte[header + 4 + length];
        frame[0] = (byte) (0x80 | opcode);
        if (length < 126) {
            frame[1] = (byte) (0x80 | length);
        } else if (length < 65_536) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
            }
        }
        int mask = ThreadLocalRandom.current().nextInt();
        for (int i = 0; i < 4; i++) {
            frame[header + i] = (byte) (mask >>> (24 - 8 * i));
        }
        for (int i = 0; i < length; i++) {
            frame[header + 4 + i] = (byte) (payload[i] ^ frame[header + (i & 3)]);
        }
        out.write(frame);
    }

    private WebSocket.Message failed(String name, long start, ErrorKind kind) {
        recorder.record(name, start, System.nanoTime() - start, kind);
        return new WebSocket.Message("", kind);
    }

    private static ErrorKind kindOf(IOException e) {
        return e instanceof SocketTimeoutException ? ErrorKind.TIMEOUT : ErrorKind.CONNECTION;
    }

    /** Ends the connection for good, keeping why; closes the socket. */
    private void end(String why) {
        if (ended == null) {
            ended = why == null ? "the connection failed" : why;
        }
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing more to lose
            }
            socket = null;
        }
        reader.clear();
    }
}
