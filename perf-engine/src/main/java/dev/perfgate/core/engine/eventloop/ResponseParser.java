package dev.perfgate.core.engine.eventloop;

import dev.perfgate.core.http.HttpBytes;
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

    /** Bytes copied out of the buffer at once to look for lines: a whole small response in one copy. */
    private static final int COPY = 4_096;

    private static final byte[] CONTENT_LENGTH = HttpBytes.ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = HttpBytes.ascii("transfer-encoding");
    private static final byte[] CONNECTION = HttpBytes.ascii("connection");
    private static final byte[] CHUNKED = HttpBytes.ascii("chunked");
    private static final byte[] CLOSE = HttpBytes.ascii("close");
    private static final byte[] KEEP_ALIVE = HttpBytes.ascii("keep-alive");

    private enum State { STATUS_LINE, HEADER_LINE, FIXED_BODY, CHUNK_SIZE_LINE, CHUNK_DATA, CHUNK_DATA_END, TRAILER_LINE,
        BODY_UNTIL_CLOSE, DONE }

    // One copy per read of the bytes in which lines are looked for, rather than a call on the buffer
    // per line: each call on a Netty buffer checks its reference count and bounds.
    private final byte[] copy = new byte[COPY];
    // The start of a line that began in an earlier read (or copy), kept until its end arrives.
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
                    outcome = readLines(in);
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

    /**
     * Reads whole lines while the response is in a line state (status, headers, chunk sizes,
     * trailers); a line cut off by the end of the bytes waits in {@link #line} for its end.
     * COMPLETE when the state left the lines or more bytes wait in {@code in}.
     */
    private int readLines(ByteBuf in) {
        int length = Math.min(in.readableBytes(), COPY);
        if (length == 0) {
            return NEED_MORE;
        }
        in.getBytes(in.readerIndex(), copy, 0, length);
        int position = 0;
        int outcome = COMPLETE;
        while (position < length && inLineState() && outcome == COMPLETE) {
            int lf = HttpBytes.indexOf(copy, (byte) '\n', position, length);
            if (lf < 0) {
                keepPartOfLine(position, length);
                position = length;
                break;
            }
            if (lineLength == 0 && !lineTruncated) {
                outcome = onLine(copy, position, withoutCr(copy, position, lf));
            } else {
                keepPartOfLine(position, lf);
                outcome = onLine(line, 0, withoutCr(line, 0, lineLength));
                lineLength = 0;
                lineTruncated = false;
            }
            position = lf + 1;
        }
        in.skipBytes(position);
        if (outcome != COMPLETE) {
            return outcome;
        }
        return inLineState() && !in.isReadable() ? NEED_MORE : COMPLETE;
    }

    private boolean inLineState() {
        return state == State.STATUS_LINE || state == State.HEADER_LINE || state == State.CHUNK_SIZE_LINE
                || state == State.CHUNK_DATA_END || state == State.TRAILER_LINE;
    }

    private void keepPartOfLine(int from, int to) {
        int keep = Math.min(to - from, MAX_LINE - lineLength);
        System.arraycopy(copy, from, line, lineLength, keep);
        lineLength += keep;
        lineTruncated |= keep < to - from;
    }

    /** The end of the line {@code [from, lf)} without its CR. */
    private static int withoutCr(byte[] bytes, int from, int lf) {
        return lf > from && bytes[lf - 1] == '\r' ? lf - 1 : lf;
    }

    /** Handles the line {@code bytes[from, to)}, without its line end. */
    private int onLine(byte[] bytes, int from, int to) {
        switch (state) {
            case STATUS_LINE:
                return onStatusLine(bytes, from, to);
            case HEADER_LINE:
                return to == from ? onEndOfHeaders() : onHeaderLine(bytes, from, to);
            case CHUNK_SIZE_LINE:
                return onChunkSizeLine(bytes, from, to);
            case CHUNK_DATA_END:
                if (to != from) {
                    return MALFORMED;
                }
                state = State.CHUNK_SIZE_LINE;
                return COMPLETE;
            case TRAILER_LINE:
                if (to == from) {
                    state = State.DONE;
                }
                return COMPLETE;
            default:
                throw new IllegalStateException("no line expected in state " + state);
        }
    }

    private int onStatusLine(byte[] bytes, int from, int to) {
        int code = HttpBytes.statusCode(bytes, from, to);
        if (code < 0) {
            return MALFORMED;
        }
        status = code;
        http10 = bytes[from + 7] == '0';
        state = State.HEADER_LINE;
        return COMPLETE;
    }

    private int onHeaderLine(byte[] bytes, int from, int to) {
        int colon = HttpBytes.indexOf(bytes, (byte) ':', from, to);
        if (colon <= from) {
            return MALFORMED;
        }
        if (HttpBytes.nameIs(CONTENT_LENGTH, bytes, from, colon)) {
            return lineTruncated ? MALFORMED : onContentLength(bytes, colon + 1, to);
        }
        if (HttpBytes.nameIs(TRANSFER_ENCODING, bytes, from, colon)) {
            chunked |= contains(bytes, colon + 1, to, CHUNKED);
        } else if (HttpBytes.nameIs(CONNECTION, bytes, from, colon)) {
            connectionClose |= contains(bytes, colon + 1, to, CLOSE);
            connectionKeepAlive |= contains(bytes, colon + 1, to, KEEP_ALIVE);
        }
        return COMPLETE;
    }

    private int onContentLength(byte[] bytes, int from, int to) {
        long value = 0;
        boolean digits = false;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
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

    private int onChunkSizeLine(byte[] bytes, int from, int to) {
        long size = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            int value = hexValue(bytes[i]);
            if (value < 0) {
                if (bytes[i] != ';' && bytes[i] != ' ' && bytes[i] != '\t') {
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

    /** Whether {@code bytes[from, to)} holds {@code lowerToken}, ignoring case. */
    private static boolean contains(byte[] bytes, int from, int to, byte[] lowerToken) {
        int last = to - lowerToken.length;
        for (int i = from; i <= last; i++) {
            int j = 0;
            while (j < lowerToken.length && HttpBytes.toLower(bytes[i + j]) == lowerToken[j]) {
                j++;
            }
            if (j == lowerToken.length) {
                return true;
            }
        }
        return false;
    }

    private static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        int lower = HttpBytes.toLower(b);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }
}
