package dev.perfgate.core.engine.eventloop;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;

/**
 * Finds where an HTTP/1.x response ends, reading it as it arrives in pieces: the status, and of the
 * headers only what decides the end (Content-Length, Transfer-Encoding: chunked, Connection).
 * Bodies are skipped, never copied; header lines are copied into one reused array. It allocates
 * nothing per response, so one parser serves a connection for its whole life ({@link #reset}).
 *
 * <p>Confined to one thread (the connection's event loop).
 */
final class ResponseParser {

    /** {@link #parse} needs more bytes. */
    static final int NEED_MORE = 0;
    /** {@link #parse} found the end of the response. */
    static final int COMPLETE = 1;
    /** {@link #parse} found bytes that are not an HTTP/1.x response. */
    static final int MALFORMED = -1;

    /** Longest header line kept; longer lines are read past, and only their start is looked at. */
    static final int MAX_LINE = 8_192;

    private static final byte[] HTTP_1 = {'H', 'T', 'T', 'P', '/', '1', '.'};
    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");

    private enum State { STATUS_LINE, HEADER_LINE, FIXED_BODY, CHUNK_SIZE_LINE, CHUNK_DATA, CHUNK_DATA_END, TRAILER_LINE,
        BODY_UNTIL_CLOSE, DONE }

    private final byte[] line = new byte[MAX_LINE];
    private int lineLength;
    private boolean lineTruncated;

    private State state;
    private int status;
    private boolean http10;
    private long contentLength;
    private boolean chunked;
    private boolean connectionClose;
    private boolean connectionKeepAlive;
    private boolean bodyUntilClose;
    private long remaining;

    ResponseParser() {
        reset();
    }

    /** Makes the parser ready for the next response on the connection. */
    void reset() {
        state = State.STATUS_LINE;
        lineLength = 0;
        lineTruncated = false;
        status = 0;
        http10 = false;
        contentLength = -1;
        chunked = false;
        connectionClose = false;
        connectionKeepAlive = false;
        bodyUntilClose = false;
        remaining = 0;
    }

    /**
     * Reads {@code in} up to the end of the response at most; bytes after the end stay unread.
     *
     * @return {@link #COMPLETE}, {@link #NEED_MORE} or {@link #MALFORMED}
     */
    int parse(ByteBuf in) {
        while (state != State.DONE) {
            int outcome;
            switch (state) {
                case FIXED_BODY:
                case CHUNK_DATA:
                    outcome = skipBody(in);
                    break;
                case BODY_UNTIL_CLOSE:
                    in.skipBytes(in.readableBytes());
                    return NEED_MORE;
                default:
                    outcome = readLine(in);
                    if (outcome == COMPLETE) {
                        outcome = onLine();
                        lineLength = 0;
                        lineTruncated = false;
                    }
                    break;
            }
            if (outcome != COMPLETE) {
                return outcome;
            }
        }
        return COMPLETE;
    }

    /**
     * The connection was closed: completes a response whose body runs to the close (no length, not
     * chunked).
     *
     * @return {@link #COMPLETE} when the response is whole, {@link #MALFORMED} when it was cut off
     */
    int endOfInput() {
        if (state == State.BODY_UNTIL_CLOSE) {
            state = State.DONE;
            return COMPLETE;
        }
        return state == State.DONE ? COMPLETE : MALFORMED;
    }

    /** The status of the response, once its status line is read. */
    int status() {
        return status;
    }

    /** Whether the server closes the connection after this response, so it cannot carry another request. */
    boolean closesConnection() {
        return connectionClose || (http10 && !connectionKeepAlive) || bodyUntilClose;
    }

    private int skipBody(ByteBuf in) {
        int skip = (int) Math.min(remaining, in.readableBytes());
        in.skipBytes(skip);
        remaining -= skip;
        if (remaining > 0) {
            return NEED_MORE;
        }
        state = state == State.FIXED_BODY ? State.DONE : State.CHUNK_DATA_END;
        return COMPLETE;
    }

    /** Appends to {@link #line} up to the next LF, which is consumed but not kept; COMPLETE when the line is whole. */
    private int readLine(ByteBuf in) {
        int start = in.readerIndex();
        int end = in.writerIndex();
        int lf = in.indexOf(start, end, (byte) '\n');
        int stop = lf < 0 ? end : lf;
        int keep = Math.min(stop - start, MAX_LINE - lineLength);
        if (keep > 0) {
            in.getBytes(start, line, lineLength, keep);
            lineLength += keep;
        }
        lineTruncated |= keep < stop - start;
        if (lf < 0) {
            in.readerIndex(end);
            return NEED_MORE;
        }
        in.readerIndex(lf + 1);
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
        return COMPLETE;
    }

    private int onLine() {
        switch (state) {
            case STATUS_LINE:
                return onStatusLine();
            case HEADER_LINE:
                return lineLength == 0 ? onEndOfHeaders() : onHeaderLine();
            case CHUNK_SIZE_LINE:
                return onChunkSizeLine();
            case CHUNK_DATA_END:
                if (lineLength != 0) {
                    return MALFORMED;
                }
                state = State.CHUNK_SIZE_LINE;
                return COMPLETE;
            case TRAILER_LINE:
                if (lineLength == 0) {
                    state = State.DONE;
                }
                return COMPLETE;
            default:
                throw new IllegalStateException("no line expected in state " + state);
        }
    }

    private int onStatusLine() {
        // "HTTP/1.1 200 OK": the version, a space, three digits.
        if (lineLength < 12 || line[8] != ' ') {
            return MALFORMED;
        }
        for (int i = 0; i < HTTP_1.length; i++) {
            if (line[i] != HTTP_1[i]) {
                return MALFORMED;
            }
        }
        int value = 0;
        for (int i = 9; i < 12; i++) {
            int digit = line[i] - '0';
            if (digit < 0 || digit > 9) {
                return MALFORMED;
            }
            value = value * 10 + digit;
        }
        status = value;
        http10 = line[7] == '0';
        state = State.HEADER_LINE;
        return COMPLETE;
    }

    private int onHeaderLine() {
        int colon = indexOf(line, (byte) ':', lineLength);
        if (colon <= 0) {
            return MALFORMED;
        }
        int valueStart = colon + 1;
        if (nameIs(CONTENT_LENGTH, colon)) {
            return lineTruncated ? MALFORMED : onContentLength(valueStart);
        }
        if (nameIs(TRANSFER_ENCODING, colon)) {
            chunked |= contains(valueStart, CHUNKED);
        } else if (nameIs(CONNECTION, colon)) {
            connectionClose |= contains(valueStart, CLOSE);
            connectionKeepAlive |= contains(valueStart, KEEP_ALIVE);
        }
        return COMPLETE;
    }

    private int onContentLength(int valueStart) {
        long value = 0;
        boolean digits = false;
        for (int i = valueStart; i < lineLength; i++) {
            byte b = line[i];
            if (b >= '0' && b <= '9') {
                if (value > (Long.MAX_VALUE - 9) / 10) {
                    return MALFORMED;
                }
                value = value * 10 + (b - '0');
                digits = true;
            } else if (b != ' ' && b != '\t') {
                return MALFORMED;
            }
        }
        if (!digits || (contentLength >= 0 && contentLength != value)) {
            return MALFORMED;
        }
        contentLength = value;
        return COMPLETE;
    }

    private int onEndOfHeaders() {
        if (status >= 100 && status < 200) {
            // An interim response (e.g. 100 Continue): the real one follows on the same request.
            reset();
            return COMPLETE;
        }
        if (status == 204 || status == 304) {
            state = State.DONE;
        } else if (chunked) {
            state = State.CHUNK_SIZE_LINE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = contentLength == 0 ? State.DONE : State.FIXED_BODY;
        } else {
            bodyUntilClose = true;
            state = State.BODY_UNTIL_CLOSE;
        }
        return COMPLETE;
    }

    private int onChunkSizeLine() {
        long size = 0;
        int digits = 0;
        for (int i = 0; i < lineLength; i++) {
            int value = hexValue(line[i]);
            if (value < 0) {
                if (line[i] != ';' && line[i] != ' ' && line[i] != '\t') {
                    return MALFORMED;
                }
                break; // chunk extensions and padding are allowed and ignored
            }
            if (++digits > 15) {
                return MALFORMED;
            }
            size = size * 16 + value;
        }
        if (digits == 0) {
            return MALFORMED;
        }
        if (size == 0) {
            state = State.TRAILER_LINE;
        } else {
            remaining = size;
            state = State.CHUNK_DATA;
        }
        return COMPLETE;
    }

    private boolean nameIs(byte[] lowerName, int nameLength) {
        if (nameLength != lowerName.length) {
            return false;
        }
        for (int i = 0; i < nameLength; i++) {
            if (toLower(line[i]) != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the header value from {@code from} holds {@code lowerToken}, ignoring case. */
    private boolean contains(int from, byte[] lowerToken) {
        int last = lineLength - lowerToken.length;
        for (int i = from; i <= last; i++) {
            int j = 0;
            while (j < lowerToken.length && toLower(line[i + j]) == lowerToken[j]) {
                j++;
            }
            if (j == lowerToken.length) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] bytes, byte wanted, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        int lower = toLower(b);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    private static int toLower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    private static byte[] ascii(String lowerCase) {
        return lowerCase.getBytes(StandardCharsets.US_ASCII);
    }
}
