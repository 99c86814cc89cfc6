package dev.perfgate.core.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import dev.perfgate.core.engine.ErrorKind;
import dev.perfgate.core.engine.RequestRecorder;

/**
 * {@link Http} on the JDK's {@link HttpClient} (HTTP/1.1, keep-alive pool shared by the users of a
 * run). Good enough for the thin path; the engine's transport is to be chosen by measurement.
 */
public final class JdkHttp implements Http {

    private final HttpClient client;
    private final URI target;
    private final Duration requestTimeout;
    private final RequestRecorder recorder;

    /** A client for one virtual user; {@code client} may be shared by all users of a run. */
    public JdkHttp(HttpClient client, URI target, Duration requestTimeout, RequestRecorder recorder) {
        this.client = client;
        this.target = LoopbackTarget.require(target);
        this.requestTimeout = requestTimeout;
        this.recorder = recorder;
    }

    /** The shared client the users of one run should pass to {@link #JdkHttp}. */
    public static HttpClient newSharedClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Response get(String operation, String path) {
        return send(operation, request(path).GET().build());
    }

    @Override
    public Response post(String operation, String path, String jsonBody) {
        return send(operation, request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody))
                .build());
    }

    private HttpRequest.Builder request(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path '" + path + "' must start with '/', e.g. \"/api/items\"");
        }
        return HttpRequest.newBuilder(target.resolve(path)).timeout(requestTimeout);
    }

    private Response send(String operation, HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            ErrorKind error = ErrorKind.ofStatus(response.statusCode());
            recorder.record(operation, start, System.nanoTime() - start, error);
            return new Response(response.statusCode(), response.body(), error);
        } catch (HttpTimeoutException e) {
            recorder.record(operation, start, System.nanoTime() - start, ErrorKind.TIMEOUT);
            return new Response(0, "", ErrorKind.TIMEOUT);
        } catch (IOException e) {
            recorder.record(operation, start, System.nanoTime() - start, ErrorKind.CONNECTION);
            return new Response(0, "", ErrorKind.CONNECTION);
        } catch (InterruptedException e) {
            // The run is being stopped: not the server's failure, so nothing is recorded.
            Thread.currentThread().interrupt();
            return new Response(0, "", ErrorKind.CONNECTION);
        }
    }
}
