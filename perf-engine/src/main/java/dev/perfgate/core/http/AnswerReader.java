package dev.perfgate.core.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads HTTP/1.x answers from one connection for {@link SocketTransport}: the status line and headers
 * straight from the bytes, the four headers that frame the body picked out on the way, the rest kept as
 * text for {@link ResponseHeaders} to split if a scenario asks. Bodies by Content-Length, chunked, or until
 * the server closes. Each read waits at most until the exchange's deadline. Not thread-safe.
 */
final class AnswerReader {

    /** The longest status line and headers read: longer is refused as no HTTP this client expects. */
    private static final int MAX_HEAD = 64 * 1024;
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^\";]+)");
    private static final byte[] CONTENT_LENGTH = HttpBytes.ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = HttpBytes.ascii("transfer-encoding");
    private static final byte[] CONNECTION = HttpBytes.ascii("connection");
    private static final byte[] CONTENT_TYPE = HttpBytes.ascii("content-type");
    private static final byte[] CHUNKED = HttpBytes.ascii("chunked");
    private static final byte[] CLOSE = HttpBytes.ascii("close");

    // 8 KiB, as BufferedInputStream: each idle user holds one, so 16 KiB made 10,000 users cost 160 MiB.
    /**
     * What a read starts with, and the most it grows to: each user keeps its buffer, so most answers
     * (small JSON) should fit the first size; a read that fills the buffer doubles it for the next.
     * Each user's thread also holds the JDK's per-thread direct buffer of the same size for the read.
     */
    static final int FIRST_READ = 2 * 1024;
    static final int MOST_READ = 8 * 1024;

    private byte[] buffer = new byte[FIRST_READ];
    private byte[] head = new byte[512];
    private Socket socket;
    private InputStream in;
    private int position;
    private int limit;
    private int soTimeoutMillis;
    private long deadlineNanos;
    private boolean keepAlive;
    /** While reading the answer to a WebSocket upgrade: a 101 ends the answer. */
    private boolean upgrading;
    // The last Content-Type and its charset: a server answers with the same one again and again.
    private byte[] lastContentType = new byte[0];
    private Charset lastCharset = StandardCharsets.UTF_8;

    /** Reads from {@code socket} from now on, with nothing buffered. */
    void readFrom(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.soTimeoutMillis = 0;
        position = 0;
        limit = 0;
    }

    /** Forgets the connection and what was buffered of it. */
    void clear() {
        socket = null;
        in = null;
        position = 0;
        limit = 0;
    }

    /** Reads from now on wait at most until {@code deadlineNanos} ({@link System#nanoTime()}). */
    void deadline(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** Whether an answer's first byte is here or arrives; false when the server closed the connection first. */
    boolean answerBegins() throws IOException {
        return position < limit || fill();
    }

    /** Whether the connection may carry the next request after the last answer read. */
    boolean keepAlive() {
        return keepAlive;
    }

    /** One answer, or {@code null} for an interim (1xx) one after which the real answer follows. */
    Response read(String method) throws IOException {
        int length = readHead();
        int statusEnd = lineEnd(0, length);
        int status = status(statusEnd);
        boolean http10 = head[7] == '0';
        int contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        Charset charset = StandardCharsets.UTF_8;
        boolean typed = false;
        int headersStart = nextLine(statusEnd, length);
        for (int line = headersStart; line < length; ) {
            int end = lineEnd(line, length);
            int colon = HttpBytes.indexOf(head, (byte) ':', line, end);
            if (colon <= line) {
                throw new IOException("malformed header line: '" + Redaction.text(latin1(line, end)) + "'");
            }
            int nameEnd = trimEnd(line, colon);
            int valueStart = trimStart(colon + 1, end);
            int valueEnd = trimEnd(valueStart, end);
            if (HttpBytes.nameIs(CONTENT_LENGTH, head, line, nameEnd)) {
                contentLength = length(valueStart, valueEnd);
            } else if (HttpBytes.nameIs(TRANSFER_ENCODING, head, line, nameEnd)) {
                chunked |= hasToken(CHUNKED, valueStart, valueEnd);
            } else if (HttpBytes.nameIs(CONNECTION, head, line, nameEnd)) {
                close |= hasToken(CLOSE, valueStart, valueEnd);
            } else if (!typed && HttpBytes.nameIs(CONTENT_TYPE, head, line, nameEnd)) {
                charset = charsetOf(valueStart, valueEnd);
                typed = true;
            }
            line = nextLine(end, length);
        }
        if (status == 101 && upgrading) {
            return new Response(status, "", null, new ResponseHeaders(latin1(headersStart, length)));
        }
        if (status < 200) {
            return null;
        }
        keepAlive = !http10 && !close;
        String body;
        if (method.equals("HEAD") || status == 204 || status == 304) {
            body = "";
        } else if (chunked) {
            body = new String(readChunked(), charset);
        } else if (contentLength >= 0) {
            body = readExactly(contentLength, charset);
        } else {
            body = new String(readToEnd(), charset);
            keepAlive = false;
        }
        ResponseHeaders headers = new ResponseHeaders(latin1(headersStart, length));
        return new Response(status, body, ErrorKind.ofStatus(status), headers);
    }

    /**
     * The answer to a WebSocket upgrade request: a {@code 101} with its headers, nothing read past them
     * (the frames that follow stay buffered for {@link #nextByte()}), or any other answer read whole.
     */
    Response readUpgrade() throws IOException {
        upgrading = true;
        try {
            Response response;
            do {
                response = read("GET");
            } while (response == null);
            return response;
        } finally {
            upgrading = false;
        }
    }

    /** The next byte of the stream, waiting until the deadline. */
    int nextByte() throws IOException {
        if (position == limit && !fill()) {
            throw new EOFException("the connection closed");
        }
        return buffer[position++] & 0xff;
    }

    /** Reads exactly {@code length} bytes into {@code target} from {@code offset}, waiting until the deadline. */
    void readInto(byte[] target, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            if (position == limit && !fill()) {
                throw new EOFException("the connection closed " + done + " bytes into " + length);
            }
            int n = Math.min(length - done, limit - position);
            System.arraycopy(buffer, position, target, offset + done, n);
            position += n;
            done += n;
        }
    }

    /** Copies the status line and headers, up to and without the empty line, into {@code head}; returns their length. */
    private int readHead() throws IOException {
        int length = 0;
        int lineStart = 0;
        while (true) {
            if (position == limit && !fill()) {
                throw new EOFException("the connection closed in the middle of an answer");
            }
            byte b = buffer[position++];
            if (b == '\n') {
                int lineLength = length - lineStart - (length > lineStart && head[length - 1] == '\r' ? 1 : 0);
                if (lineLength == 0 && lineStart > 0) {
                    return lineStart;
                }
                if (lineLength == 0) {
                    // An empty line before the status line: skipped, as RFC 9112 allows.
                    length = 0;
                    continue;
                }
                lineStart = length + 1;
            }
            if (length == head.length) {
                if (length >= MAX_HEAD) {
                    throw new IOException("a status line and headers longer than " + MAX_HEAD + " bytes");
                }
                head = Arrays.copyOf(head, Math.min(MAX_HEAD, length * 2));
            }
            head[length++] = b;
        }
    }

    /** The status of the status line {@code head[0, end)}: three digits from 100, then a space or the line's end. */
    private int status(int end) throws IOException {
        int status = HttpBytes.statusCode(head, 0, end);
        if (status < 100 || (end > 12 && head[12] != ' ')) {
            throw new IOException("not an HTTP/1.x status line: '" + Redaction.text(latin1(0, end)) + "'");
        }
        return status;
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int extension = sizeLine.indexOf(';');
            String hex = (extension < 0 ? sizeLine : sizeLine.substring(0, extension)).strip();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("malformed chunk size '" + Redaction.text(hex) + "'", e);
            }
            if (size == 0) {
                for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
                    // trailers carry nothing a load test uses
                }
                return body.toByteArray();
            }
            body.write(readBytes(size));
            readLine();
        }
    }

    /** A body of {@code length} bytes as text: decoded straight from the buffer when it is all there. */
    private String readExactly(int length, Charset charset) throws IOException {
        if (length <= limit - position) {
            String body = new String(buffer, position, length, charset);
            position += length;
            return body;
        }
        return new String(readBytes(length), charset);
    }

    private byte[] readBytes(int length) throws IOException {
        byte[] bytes = new byte[length];
        readInto(bytes, 0, length);
        return bytes;
    }

    private byte[] readToEnd() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (position < limit || fill()) {
            body.write(buffer, position, limit - position);
            position = limit;
        }
        return body.toByteArray();
    }

    /** A line without its CR LF, decoded as ISO-8859-1 (chunk sizes, trailers). */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(16);
        while (true) {
            if (position == limit && !fill()) {
                throw new EOFException("the connection closed in the middle of an answer");
            }
            byte b = buffer[position++];
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() > MAX_HEAD) {
                throw new IOException("a chunk line longer than " + MAX_HEAD + " bytes");
            }
            line.append((char) (b & 0xff));
        }
    }

    /**
     * Reads what arrived into the buffer, waiting at most until the deadline; false at the end of the stream.
     * A read that filled the buffer doubles it for the next, up to {@value #MOST_READ} bytes.
     * The socket's timeout is only lowered per read: setting it costs a lock, and a read that times out before
     * the deadline simply waits again for what is left.
     */
    private boolean fill() throws IOException {
        // Called only once all that was buffered is read, so a larger buffer loses nothing.
        if (limit == buffer.length && buffer.length < MOST_READ) {
            buffer = new byte[buffer.length * 2];
        }
        while (true) {
            int remaining = remainingMillis();
            if (soTimeoutMillis == 0 || remaining < soTimeoutMillis) {
                socket.setSoTimeout(remaining);
                soTimeoutMillis = remaining;
            }
            int n;
            try {
                n = in.read(buffer, 0, buffer.length);
            } catch (SocketTimeoutException e) {
                if (deadlineNanos - System.nanoTime() <= 0) {
                    throw e;
                }
                soTimeoutMillis = 0;
                continue;
            }
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        }
    }

    /** The read buffer's size now. */
    int bufferSize() {
        return buffer.length;
    }

    /** Milliseconds left until the deadline, at least 1. */
    int remainingMillis() throws SocketTimeoutException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw new SocketTimeoutException("the request's time is up");
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(remaining)));
    }

    /** The charset the Content-Type {@code head[from, to)} names, UTF-8 when it names none or one unknown here. */
    private Charset charsetOf(int from, int to) {
        if (!Arrays.equals(head, from, to, lastContentType, 0, lastContentType.length)) {
            lastContentType = Arrays.copyOfRange(head, from, to);
            lastCharset = StandardCharsets.UTF_8;
            Matcher charset = CHARSET.matcher(latin1(from, to));
            if (charset.find()) {
                try {
                    lastCharset = Charset.forName(charset.group(1).strip());
                } catch (IllegalArgumentException e) {
                    // an unknown charset: read as UTF-8, as for none
                }
            }
        }
        return lastCharset;
    }

    /** End of the line starting at {@code from}: the index of its CR LF or LF. */
    private int lineEnd(int from, int length) {
        int lf = HttpBytes.indexOf(head, (byte) '\n', from, length);
        int end = lf < 0 ? length : lf;
        return end > from && head[end - 1] == '\r' ? end - 1 : end;
    }

    /** Start of the line after the one ending at {@code end} (at its CR or LF). */
    private int nextLine(int end, int length) {
        int lf = HttpBytes.indexOf(head, (byte) '\n', end, length);
        return lf < 0 ? length : lf + 1;
    }

    private int trimEnd(int from, int to) {
        while (to > from && (head[to - 1] == ' ' || head[to - 1] == '\t')) {
            to--;
        }
        return to;
    }

    private int trimStart(int from, int to) {
        while (from < to && (head[from] == ' ' || head[from] == '\t')) {
            from++;
        }
        return from;
    }

    /** Whether the comma-separated list {@code head[from, to)} holds {@code token} (lower case), ignoring ASCII case. */
    private boolean hasToken(byte[] token, int from, int to) {
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || head[i] == ',') {
                int partStart = trimStart(start, i);
                if (HttpBytes.nameIs(token, head, partStart, trimEnd(partStart, i))) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    /** The Content-Length {@code head[from, to)}: decimal digits only, at most what an array holds. */
    private int length(int from, int to) throws IOException {
        long length = 0;
        boolean digits = from < to;
        for (int i = from; i < to && digits; i++) {
            int digit = head[i] - '0';
            digits = digit >= 0 && digit <= 9;
            length = length * 10 + digit;
            digits &= length <= Integer.MAX_VALUE - 8;
        }
        if (!digits) {
            throw new IOException("Content-Length '" + Redaction.text(latin1(from, to)) + "' is not a body length this client reads");
        }
        return (int) length;
    }

    private String latin1(int from, int to) {
        return new String(head, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
