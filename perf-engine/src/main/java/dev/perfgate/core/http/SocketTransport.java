package dev.perfgate.core.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over one blocking keep-alive connection that belongs to one virtual user: the user's thread
 * writes the request and reads the answer itself, with no hand-off to another thread
 * ({@code -Dperfgate.connections=socket}): a ninth of the
 * CPU per request of the JDK's client (bench/RESULTS.md, "Scenario users"). The connection opens at the
 * first request and again after the server closed it; a request whose reused connection turns out
 * closed before any byte of an answer arrived (the server's idle timeout) is sent once more on a new
 * one. The whole exchange, connecting included, must end within the request's timeout.
 *
 * <p>Plain HTTP to loopback, as every perfgate load; bodies by Content-Length, chunked, or until the
 * server closes; 1xx answers skipped. Not thread-safe: one user's thread at a time.
 */
public final class SocketTransport implements HttpTransport {

    /** Headers the transport writes itself, refused when given (as the JDK's client refuses them). */
    private static final Set<String> OWN_HEADERS = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^\";]+)");
    private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "DELETE", "OPTIONS", "TRACE");
    /** The longest status or header line read: longer is refused as no HTTP this client expects. */
    private static final int MAX_LINE = 64 * 1024;

    private final InetSocketAddress address;
    private final String host;
    // 8 KiB, as BufferedInputStream: each idle user holds one, so 16 KiB made 10,000 users cost 160 MiB.
    private final byte[] buffer = new byte[8 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int position;
    private int limit;
    private long deadlineNanos;

    /** A transport to {@code target}'s host and port; nothing connects before the first request. */
    public SocketTransport(URI target) {
        int port = target.getPort() != -1 ? target.getPort() : 80;
        this.address = new InetSocketAddress(target.getHost(), port);
        this.host = target.getHost() + ":" + port;
    }

    @Override
    public Response exchange(String method, URI uri, Map<String, String> headers, String body, Duration timeout) throws IOException {
        byte[] request = encode(method, uri, headers, body);
        deadlineNanos = System.nanoTime() + timeout.toNanos();
        boolean reused = socket != null;
        try {
            try {
                return send(request, method);
            } catch (ClosedBeforeAnswer e) {
                close();
                if (!reused) {
                    throw e;
                }
                return send(request, method);
            }
        } catch (SocketTimeoutException e) {
            close();
            HttpTimeoutException timedOut = new HttpTimeoutException("no whole answer within " + timeout);
            timedOut.initCause(e);
            throw timedOut;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing: nothing more to lose
            }
            socket = null;
        }
        position = 0;
        limit = 0;
    }

    private Response send(byte[] request, String method) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
        } catch (IOException e) {
            throw new ClosedBeforeAnswer(e);
        }
        boolean answerBegan;
        try {
            answerBegan = position < limit || fill();
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            throw new ClosedBeforeAnswer(e);
        }
        if (!answerBegan) {
            throw new ClosedBeforeAnswer(null);
        }
        while (true) {
            Response answer = readAnswer(method);
            if (answer != null) {
                return answer;
            }
        }
    }

    private void connect() throws IOException {
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.connect(address, remainingMillis());
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        socket = opened;
        in = opened.getInputStream();
        out = opened.getOutputStream();
        position = 0;
        limit = 0;
    }

    /** One answer, or {@code null} for an interim (1xx) one after which the real answer follows. */
    private Response readAnswer(String method) throws IOException {
        String statusLine = readLine();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x answer: '" + Redaction.text(statusLine) + "'");
        }
        int status = parseStatus(parts[1], statusLine);
        TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line: '" + Redaction.text(line) + "'");
            }
            headers.computeIfAbsent(line.substring(0, colon).strip(), name -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        if (status >= 100 && status < 200) {
            return null;
        }
        boolean keepAlive = !"HTTP/1.0".equals(parts[0]) && !hasToken(headers, "Connection", "close");
        byte[] body;
        if (method.equals("HEAD") || status == 204 || status == 304) {
            body = new byte[0];
        } else if (hasToken(headers, "Transfer-Encoding", "chunked")) {
            body = readChunked();
        } else if (headers.containsKey("Content-Length")) {
            body = readExactly(parseLength(headers.get("Content-Length").get(0)));
        } else {
            body = readToEnd();
            keepAlive = false;
        }
        if (!keepAlive) {
            close();
        }
        return new Response(status, new String(body, charsetOf(headers)), ErrorKind.ofStatus(status), headers);
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
            body.write(readExactly(size));
            readLine();
        }
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] bytes = new byte[length];
        int done = 0;
        while (done < length) {
            if (position == limit && !fill()) {
                throw new EOFException("the connection closed " + done + " bytes into a body of " + length);
            }
            int n = Math.min(length - done, limit - position);
            System.arraycopy(buffer, position, bytes, done, n);
            position += n;
            done += n;
        }
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

    /** A line without its CR LF, decoded as ISO-8859-1 (status line, headers, chunk sizes). */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            if (position == limit && !fill()) {
                throw new EOFException("the connection closed in the middle of an answer");
            }
            byte b = buffer[position++];
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() > MAX_LINE) {
                throw new IOException("a header line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) (b & 0xff));
        }
    }

    /** Reads what arrived into the buffer, waiting at most until the deadline; false at the end of the stream. */
    private boolean fill() throws IOException {
        socket.setSoTimeout(remainingMillis());
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private int remainingMillis() throws SocketTimeoutException {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (remaining <= 0) {
            throw new SocketTimeoutException("the request's time is up");
        }
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }

    private byte[] encode(String method, URI uri, Map<String, String> headers, String body) {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
        boolean userAgent = false;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            String value = header.getValue();
            if (!TOKEN.matcher(name).matches()) {
                throw new HeaderRefused(name, "invalid header name \"" + name + "\"");
            }
            if (OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new HeaderRefused(name, "restricted header name: \"" + name + "\"");
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new HeaderRefused(name, "invalid header value for header \"" + name + "\"");
            }
            userAgent |= name.equalsIgnoreCase("User-Agent");
            head.append(name).append(": ").append(value).append("\r\n");
        }
        if (!userAgent) {
            head.append("User-Agent: perfgate\r\n");
        }
        byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        if (content != null || !WITHOUT_BODY.contains(method)) {
            head.append("Content-Length: ").append(content == null ? 0 : content.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        if (content == null || content.length == 0) {
            return start;
        }
        byte[] request = new byte[start.length + content.length];
        System.arraycopy(start, 0, request, 0, start.length);
        System.arraycopy(content, 0, request, start.length, content.length);
        return request;
    }

    private static boolean hasToken(Map<String, List<String>> headers, String name, String token) {
        List<String> values = headers.get(name);
        if (values == null) {
            return false;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.strip().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int parseStatus(String code, String statusLine) throws IOException {
        try {
            int status = Integer.parseInt(code);
            if (status >= 100 && status <= 999) {
                return status;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IOException("not an HTTP status in '" + Redaction.text(statusLine) + "'");
    }

    private static int parseLength(String value) throws IOException {
        try {
            long length = Long.parseLong(value.strip());
            if (length >= 0 && length <= Integer.MAX_VALUE - 8) {
                return (int) length;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IOException("Content-Length '" + Redaction.text(value) + "' is not a body length this client reads");
    }

    private static Charset charsetOf(Map<String, List<String>> headers) {
        List<String> types = headers.get("Content-Type");
        if (types != null && !types.isEmpty()) {
            Matcher charset = CHARSET.matcher(types.get(0));
            if (charset.find()) {
                try {
                    return Charset.forName(charset.group(1).strip());
                } catch (IllegalArgumentException e) {
                    // an unknown charset: read as UTF-8, as for none
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The connection failed before any byte of an answer: on a reused connection, worth one more try. */
    private static final class ClosedBeforeAnswer extends IOException {
        ClosedBeforeAnswer(IOException cause) {
            super("the connection closed before an answer began", cause);
        }
    }
}
