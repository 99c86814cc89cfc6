package dev.perfgate.core.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.perfgate.core.engine.ErrorKind;
import dev.perfgate.core.engine.RequestRecorder;

/**
 * {@link Http} on the JDK's {@link HttpClient} (HTTP/1.1, keep-alive pool shared by the users of a
 * run). Good enough for the thin path; the engine's transport is to be chosen by measurement.
 */
public final class JdkHttp implements Http {

    private static final Pattern METHOD = Pattern.compile("[A-Z][A-Z_-]*");

    private final HttpClient client;
    private final URI target;
    private final Duration requestTimeout;
    private final RequestRecorder recorder;
    /** Default headers by lower-case name, each with the name as given. */
    private final Map<String, Header> defaultHeaders = new LinkedHashMap<>();

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
        return request(operation, "GET", path).send();
    }

    @Override
    public Response post(String operation, String path, String jsonBody) {
        return request(operation, "POST", path).json(jsonBody).send();
    }

    @Override
    public Request request(String operation, String method, String path) {
        Objects.requireNonNull(operation, "operation");
        if (method == null || !METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("method '" + method + "' must be an upper-case HTTP method, e.g. \"PATCH\"");
        }
        return new JdkRequest(operation, method, resolve(path));
    }

    @Override
    public Http withHeader(String name, String value) {
        Header header = Header.of(name, value);
        defaultHeaders.put(header.key(), header);
        return this;
    }

    @Override
    public Http withoutHeader(String name) {
        defaultHeaders.remove(Header.keyOf(name));
        return this;
    }

    /** {@code path} on the target: a path that names another host or scheme is refused, so load stays where it was allowed. */
    private URI resolve(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("path '" + Redaction.uri(path) + "' must start with one '/', e.g. \"/api/items\"");
        }
        URI uri = target.resolve(path);
        if (!Objects.equals(uri.getHost(), target.getHost()) || uri.getPort() != target.getPort()
                || !target.getScheme().equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("path '" + Redaction.uri(path) + "' leaves the target " + Redaction.uri(target));
        }
        return uri;
    }

    private Response send(String operation, HttpRequest request, List<Check> checks) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long latency = System.nanoTime() - start;
            Response checked = ResponseChecks.apply(operation, checks,
                    new Response(response.statusCode(), response.body(), ErrorKind.ofStatus(response.statusCode()), response.headers().map()));
            if (checked.failure() != null) {
                recorder.recordFailedCheck(operation, start, latency, checked.failure());
            } else {
                recorder.record(operation, start, latency, checked.error());
            }
            return checked;
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

    /** A header as given, keyed by its lower-case name. */
    private record Header(String name, String value) {
        static Header of(String name, String value) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("header name '" + name + "' must not be blank, e.g. \"Authorization\"");
            }
            return new Header(name, Objects.requireNonNull(value, () -> "value of header " + name));
        }

        String key() {
            return keyOf(name);
        }

        static String keyOf(String name) {
            return name.toLowerCase(Locale.ROOT);
        }
    }

    private final class JdkRequest implements Request {
        private final String operation;
        private final String method;
        private final URI uri;
        private final Map<String, Header> headers = new LinkedHashMap<>(defaultHeaders);
        private final List<Check> checks = new ArrayList<>();
        private String body;

        JdkRequest(String operation, String method, URI uri) {
            this.operation = operation;
            this.method = method;
            this.uri = uri;
        }

        @Override
        public Request header(String name, String value) {
            Header header = Header.of(name, value);
            headers.put(header.key(), header);
            return this;
        }

        @Override
        public Request json(String json) {
            headers.putIfAbsent("content-type", new Header("Content-Type", "application/json"));
            body = Objects.requireNonNull(json, "json");
            return this;
        }

        @Override
        public Request body(String contentType, String text) {
            header("Content-Type", contentType);
            body = Objects.requireNonNull(text, "body");
            return this;
        }

        @Override
        public Request check(Check... more) {
            for (Check check : Objects.requireNonNull(more, "checks")) {
                checks.add(Objects.requireNonNull(check, () -> "a check of " + this + " is null"));
            }
            return this;
        }

        @Override
        public Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            for (Header header : headers.values()) {
                try {
                    builder.header(header.name(), header.value());
                } catch (IllegalArgumentException e) {
                    // The JDK's message repeats the value: shown only when it is no credential.
                    String why = Redaction.isSecretHeader(header.name()) ? "invalid name or value (the value is not shown)"
                            : Redaction.text(e.getMessage());
                    throw new IllegalArgumentException("request " + this + ": header '" + header.name() + "' cannot be sent: " + why);
                }
            }
            return JdkHttp.this.send(operation, builder.build(), checks);
        }

        @Override
        public String toString() {
            return method + " " + Redaction.uri(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                    + headers.values().stream().map(h -> h.name() + ": " + Redaction.headerValue(h.name(), h.value()))
                            .collect(Collectors.joining(", ", " [", "]"))
                    + " as '" + operation + "'";
        }
    }
}
