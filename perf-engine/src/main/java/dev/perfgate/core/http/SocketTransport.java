package dev.perfgate.core.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLContext;

/**
 * HTTP/1.1 over one blocking keep-alive connection that belongs to one virtual user: the user's thread
 * writes the request and reads the answer itself, with no hand-off to another thread (the engine's
 * default; bench/RESULTS.md, "Scenario users"). The connection opens at the first request and again
 * after the server closed it; a request whose reused connection turns out closed before any byte of an
 * answer arrived (the server's idle timeout) is sent once more on a new one. The whole exchange,
 * connecting included, must end within the request's timeout.
 *
 * <p>Per request it writes one buffer it keeps ({@link RequestWriter}) and reads the answer straight from
 * the bytes ({@link AnswerReader}); headers become a map only if the scenario reads them. HTTP/1.1, over TLS
 * for an {@code https} target (the server's certificate and host name checked, as the JDK's client checks
 * them; trust comes from the JVM's default, e.g. {@code -Djavax.net.ssl.trustStore}); bodies by
 * Content-Length, chunked, or until the server closes; 1xx answers skipped. Not thread-safe: one user's
 * thread at a time.
 */
public final class SocketTransport implements HttpTransport {

    private final SocketOpener opener;
    private final RequestWriter request;
    private final AnswerReader answer = new AnswerReader();
    private Socket socket;
    private OutputStream out;

    /**
     * A transport to {@code target}'s host and port, over TLS with the JVM's default context when it is https;
     * nothing connects before the first request.
     */
    public SocketTransport(URI target) {
        this(target, null);
    }

    /**
     * A transport to {@code target} whose https connections use {@code tls}, e.g. a context that trusts a test
     * server's own certificate ({@code null}: the JVM's default).
     */
    public SocketTransport(URI target, SSLContext tls) {
        this.opener = new SocketOpener(target, tls);
        this.request = new RequestWriter(opener.authority());
    }

    @Override
    public Response exchange(String method, URI uri, Map<String, String> headers, String body, Duration timeout) throws IOException {
        request.write(method, uri, headers, body);
        answer.deadline(System.nanoTime() + timeout.toNanos());
        boolean reused = socket != null;
        try {
            try {
                return send(method);
            } catch (ClosedBeforeAnswer e) {
                close();
                if (!reused) {
                    throw e;
                }
                return send(method);
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
            out = null;
        }
        answer.clear();
    }

    private Response send(String method) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request.bytes(), 0, request.length());
        } catch (IOException e) {
            throw new ClosedBeforeAnswer(e);
        }
        boolean answerBegan;
        try {
            answerBegan = answer.answerBegins();
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            throw new ClosedBeforeAnswer(e);
        }
        if (!answerBegan) {
            throw new ClosedBeforeAnswer(null);
        }
        Response response;
        do {
            response = answer.read(method);
        } while (response == null);
        if (!answer.keepAlive()) {
            close();
        }
        return response;
    }

    private void connect() throws IOException {
        Socket opened = opener.open(answer::remainingMillis);
        try {
            answer.readFrom(opened);
            out = opened.getOutputStream();
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        socket = opened;
    }

    /** The connection failed before any byte of an answer: on a reused connection, worth one more try. */
    private static final class ClosedBeforeAnswer extends IOException {
        ClosedBeforeAnswer(IOException cause) {
            super("the connection closed before an answer began", cause);
        }
    }
}
