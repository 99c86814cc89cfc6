package dev.perfgate.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server on 127.0.0.1 that answers every request with the same bytes, exactly as given, and then
 * closes the connection or not; or never answers at all. For what the JDK's server will not do.
 */
public final class RawHttpServer implements AutoCloseable {

    private final ServerSocket listener;
    private final byte[] response;
    private final boolean closeAfterResponse;
    private final Duration delay;
    private final AtomicLong answered = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private RawHttpServer(String response, boolean closeAfterResponse, Duration delay) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.response = response == null ? null : response.getBytes(StandardCharsets.ISO_8859_1);
        this.closeAfterResponse = closeAfterResponse;
        this.delay = delay;
        Thread acceptor = new Thread(this::accept, "raw-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Answers each request with {@code response}, then closes the connection when {@code closeAfterResponse}. */
    public static RawHttpServer answering(String response, boolean closeAfterResponse) throws IOException {
        return new RawHttpServer(response, closeAfterResponse, Duration.ZERO);
    }

    /** Answers each request with {@code response} after sleeping {@code delay}, keeping the connection open. */
    public static RawHttpServer answeringAfter(Duration delay, String response) throws IOException {
        return new RawHttpServer(response, false, delay);
    }

    /** Accepts connections and reads requests, but never answers. */
    public static RawHttpServer neverAnswering() throws IOException {
        return new RawHttpServer(null, false, Duration.ZERO);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + path);
    }

    public long answered() {
        return answered.get();
    }

    /** Connections accepted so far. */
    public int connections() {
        return sockets.size();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                // The response goes out in one write, so Nagle would only hold it back.
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                Thread connection = new Thread(() -> serve(socket), "raw-http-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (readRequestHead(in)) {
                if (response == null) {
                    continue;
                }
                if (!delay.isZero()) {
                    Thread.sleep(delay.toMillis());
                }
                answered.incrementAndGet();
                out.write(response);
                out.flush();
                if (closeAfterResponse) {
                    return;
                }
            }
        } catch (IOException clientGone) {
            // the driver closed the connection: nothing to serve
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads up to the blank line that ends a request without a body; false at the end of the stream. */
    private static boolean readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
