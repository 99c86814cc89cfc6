package dev.perfgate.core.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A virtual user's {@link Http}: builds requests on the run's target, sends them through its
 * {@link HttpTransport}, times them, applies their checks and records them under their operation.
 *
 * <pre>{@code
 * Http http = new UserHttp(new SocketTransport(target), target, Duration.ofSeconds(5), recorder);
 * http.get("health", "/health", Check.status(200));
 * }</pre>
 */
public final class UserHttp implements Http {

    private final HttpTransport transport;
    private final ResolvedPaths paths;
    private final Duration requestTimeout;
    private final RequestRecorder recorder;
    /** Default headers by lower-case name, each with the name as given. */
    private final Map<String, Header> defaultHeaders = new LinkedHashMap<>();
    /** The default headers by name as given, as a request without headers of its own sends them. */
    private Map<String, String> defaultNamed = Map.of();
    /** WebSockets this user opened and may not have closed: closed with the user. */
    private final List<WebSocketConnection> webSockets = new ArrayList<>();

    /** A client for one virtual user; {@code transport} may be shared by all users of a run when it allows it. */
    public UserHttp(HttpTransport transport, URI target, Duration requestTimeout, RequestRecorder recorder) {
        this(transport, new ResolvedPaths(target), requestTimeout, recorder);
    }

    /** A client for one virtual user, resolving paths through {@code paths}, which the run's users share. */
    public UserHttp(HttpTransport transport, ResolvedPaths paths, Duration requestTimeout, RequestRecorder recorder) {
        this.transport = transport;
        this.paths = paths;
        this.requestTimeout = requestTimeout;
        this.recorder = recorder;
    }

    /** Closes this user's transport (its own connection, if it has one) and its WebSockets. */
    public void close() {
        transport.close();
        webSockets.forEach(WebSocketConnection::close);
        webSockets.clear();
    }

    @Override
    public WebSocket websocket(String operation, String path) {
        Objects.requireNonNull(operation, "operation");
        URI uri = paths.resolve(path);
        webSockets.removeIf(socket -> !socket.isOpen());
        WebSocketConnection socket = WebSocketConnection.open(operation, uri, defaultNamed, requestTimeout, recorder);
        webSockets.add(socket);
        return socket;
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
        if (!isMethod(method)) {
            throw new IllegalArgumentException("method '" + method + "' must be an upper-case HTTP method, e.g. \"PATCH\"");
        }
        return new UserRequest(operation, method, paths.resolve(path));
    }

    @Override
    public Http withHeader(String name, String value) {
        Header header = Header.of(name, value);
        defaultHeaders.put(header.key(), header);
        defaultNamed = named(defaultHeaders);
        return this;
    }

    @Override
    public Http withoutHeader(String name) {
        defaultHeaders.remove(Header.keyOf(name));
        defaultNamed = named(defaultHeaders);
        return this;
    }

    /** Whether {@code method} is upper-case letters, {@code _} and {@code -}, starting with a letter. */
    private static boolean isMethod(String method) {
        if (method == null || method.isEmpty() || method.charAt(0) < 'A' || method.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < method.length(); i++) {
            char c = method.charAt(i);
            if ((c < 'A' || c > 'Z') && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> named(Map<String, Header> headers) {
        Map<String, String> named = new LinkedHashMap<>();
        headers.values().forEach(header -> named.put(header.name(), header.value()));
        return Collections.unmodifiableMap(named);
    }

    private Response send(UserRequest request, Map<String, String> headers) {
        String operation = request.operation;
        long start = System.nanoTime();
        try {
            Response response = transport.exchange(request.method, request.uri, headers, request.body, requestTimeout);
            long latency = System.nanoTime() - start;
            Response checked = ResponseChecks.apply(operation, request.checks, response);
            if (checked.failure() != null) {
                recorder.recordFailedCheck(operation, start, latency, checked.failure());
            } else {
                recorder.record(operation, start, latency, checked.error());
            }
            return checked;
        } catch (HttpTransport.HeaderRefused e) {
            // The message may repeat the value: shown only when it is no credential.
            String why = Redaction.isSecretHeader(e.header()) ? "invalid name or value (the value is not shown)"
                    : Redaction.text(e.getMessage());
            throw new IllegalArgumentException("request " + request + ": header '" + e.header() + "' cannot be sent: " + why);
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

    private final class UserRequest implements Request {
        private final String operation;
        private final String method;
        private final URI uri;
        /** This request's headers over the defaults; {@code null} while it has none of its own. */
        private Map<String, Header> headers;
        private List<Check> checks = List.of();
        private String body;

        UserRequest(String operation, String method, URI uri) {
            this.operation = operation;
            this.method = method;
            this.uri = uri;
        }

        @Override
        public Request header(String name, String value) {
            Header header = Header.of(name, value);
            ownHeaders().put(header.key(), header);
            return this;
        }

        private Map<String, Header> ownHeaders() {
            if (headers == null) {
                headers = new LinkedHashMap<>(defaultHeaders);
            }
            return headers;
        }

        @Override
        public Request json(String json) {
            ownHeaders().putIfAbsent("content-type", new Header("Content-Type", "application/json"));
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
            Objects.requireNonNull(more, "checks");
            if (checks.isEmpty()) {
                checks = new ArrayList<>(more.length);
            }
            for (Check check : more) {
                checks.add(Objects.requireNonNull(check, () -> "a check of " + this + " is null"));
            }
            return this;
        }

        @Override
        public Response send() {
            return UserHttp.this.send(this, headers == null ? defaultNamed : named(headers));
        }

        @Override
        public String toString() {
            return method + " " + Redaction.uri(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                    + (headers == null ? defaultHeaders : headers).values().stream().map(h -> h.name() + ": " + Redaction.headerValue(h.name(), h.value()))
                            .collect(Collectors.joining(", ", " [", "]"))
                    + " as '" + operation + "'";
        }
    }
}
