package dev.perfgate.core.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLContext;

/**
 * Requests through the JDK's {@link HttpClient} (HTTP/1.1, a keep-alive pool shared by all users of a
 * run), chosen with {@code -Dperfgate.connections=jdk}. Its selector thread hands every response to the
 * waiting user's thread: several times the CPU per request of a connection per user
 * ({@link SocketTransport}, the default).
 */
public final class JdkTransport implements HttpTransport {

    private final HttpClient client;

    /** A transport over {@code client}, which the users of one run may share. */
    public JdkTransport(HttpClient client) {
        this.client = client;
    }

    /** The client the users of one run should share; https with the JVM's default TLS context. */
    public static HttpClient newSharedClient(Duration connectTimeout) {
        return builder(connectTimeout).build();
    }

    /** The client the users of one run should share, its https connections on {@code tls}. */
    public static HttpClient newSharedClient(Duration connectTimeout, SSLContext tls) {
        return builder(connectTimeout).sslContext(tls).build();
    }

    private static HttpClient.Builder builder(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    @Override
    public Response exchange(String method, URI uri, Map<String, String> headers, String body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach((name, value) -> {
            try {
                builder.header(name, value);
            } catch (IllegalArgumentException e) {
                throw new HeaderRefused(name, e.getMessage());
            }
        });
        HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), ErrorKind.ofStatus(response.statusCode()),
                response.headers().map());
    }
}
