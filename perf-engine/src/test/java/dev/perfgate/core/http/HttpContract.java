package dev.perfgate.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.perfgate.core.testing.LoopbackHttpServer;

/**
 * The request API against the JDK's server on loopback, which echoes what it received: the same for
 * every {@link HttpTransport} ({@link JdkTransportTest}, {@link SocketTransportTest}), over http and over
 * https ({@link HttpsContract}).
 */
abstract class HttpContract {

    /** The transport under test, for a server at {@code target}. */
    abstract HttpTransport transport(URI target);

    /** The echo server, before its routes: plain http unless a TLS variant says otherwise. */
    LoopbackHttpServer startServer() throws IOException {
        return LoopbackHttpServer.start();
    }

    LoopbackHttpServer server;
    private final List<String> recorded = new ArrayList<>();
    private Http http;

    @BeforeEach
    void startEchoServer() throws IOException {
        server = startServer().route("/echo", exchange -> {
            TreeMap<String, List<String>> headers = new TreeMap<>(exchange.getRequestHeaders());
            headers.keySet().removeIf(name -> List.of("Host", "Connection", "User-agent", "Content-length").contains(name));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Echo-Method", exchange.getRequestMethod());
            exchange.getResponseHeaders().add("Set-Cookie", "session=s3cr3t-cookie");
            server.respond(exchange, exchange.getRequestURI().getQuery() == null ? 200 : 401,
                    exchange.getRequestMethod() + " " + headers + " " + body);
        });
        http = new UserHttp(transport(server.url("")), server.url(""), Duration.ofSeconds(5),
                (operation, start, latency, error) -> recorded.add(operation + " " + error));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void requestSendsMethodHeadersAndJsonBodyAndRecordsItsOperation() {
        Response response = http.request("create", "POST", "/echo")
                .header("Authorization", "Bearer t0ken")
                .header("X-Trace", "1")
                .json("{\"item\":42}")
                .send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("POST {Authorization=[Bearer t0ken], Content-type=[application/json], X-trace=[1]} {\"item\":42}");
        assertThat(response.header("x-echo-method")).contains("POST");
        assertThat(response.headers()).containsKey("SET-COOKIE");
        assertThat(recorded).containsExactly("create null");
    }

    @Test
    void putDeleteAndOtherMethodsHaveTheirDefaultOperationNames() {
        assertThat(http.put("rename", "/echo", "{}").body()).startsWith("PUT {Content-type=[application/json]} {}");
        assertThat(http.delete("cancel", "/echo").body()).startsWith("DELETE {} ");
        assertThat(http.request("PATCH", "/echo?x=1").body("text/plain", "hi").send().body()).isEqualTo("PATCH {Content-type=[text/plain]} hi");

        assertThat(recorded).containsExactly("rename null", "cancel null", "PATCH /echo " + ErrorKind.HTTP_4XX);
    }

    @Test
    void defaultHeadersGoWithEveryLaterRequestUntilRemovedAndARequestHeaderOverridesThem() {
        http.withHeader("Authorization", "Bearer default").withHeader("X-Tenant", "a");

        assertThat(http.get("one", "/echo").body()).isEqualTo("GET {Authorization=[Bearer default], X-tenant=[a]} ");
        assertThat(http.request("two", "GET", "/echo").header("authorization", "Bearer mine").send().body())
                .isEqualTo("GET {Authorization=[Bearer mine], X-tenant=[a]} ");
        http.withoutHeader("AUTHORIZATION");
        assertThat(http.post("three", "/echo", "{}").body()).isEqualTo("POST {Content-type=[application/json], X-tenant=[a]} {}");
    }

    @Test
    void requestAndResponseShowNoCredentials() {
        http.withHeader("X-Api-Key", "k3y-value");
        Request request = http.request("login", "POST", "/echo?user=ada&password=pa55").header("Authorization", "Bearer t0ken")
                .header("Accept", "application/json");

        assertThat(request.toString()).doesNotContain("k3y-value", "pa55", "t0ken")
                .isEqualTo("POST /echo?user=ada&password=*** [X-Api-Key: ***, Authorization: ***, Accept: application/json] as 'login'");
        Response response = request.send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.toString()).doesNotContain("s3cr3t-cookie", "t0ken").containsIgnoringCase("Set-Cookie=[***]").contains("status=401");
    }

    @ParameterizedTest(name = "refuses path {0}")
    @ValueSource(strings = {"//192.0.2.1/x", "http://192.0.2.1/x", "echo", "///x"})
    void pathsThatLeaveTheTargetAreRefusedBeforeAnythingIsSent(String path) {
        assertThatThrownBy(() -> http.request("x", "GET", path)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path");
        assertThat(server.answered()).isZero();
    }

    @Test
    void badMethodsAndHeadersFailNamingThemWithoutTheirValues() {
        assertThatThrownBy(() -> http.request("x", "get", "/echo")).hasMessageContaining("'get'").hasMessageContaining("PATCH");
        assertThatThrownBy(() -> http.request("x", "GET", "/echo").header("Host", "evil").send())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Host'");
        assertThatThrownBy(() -> http.request("x", "GET", "/echo").header("X-Token", "bad\nvalue-t0k").send())
                .hasMessageContaining("'X-Token'").hasMessageNotContaining("t0k");
        assertThatThrownBy(() -> http.withHeader(" ", "v")).hasMessageContaining("must not be blank");
        assertThat(server.answered()).isZero();
    }

    @Test
    void operationNamesDropQueriesAndMaskCredentialsInThePath() {
        assertThat(OperationNames.of("GET", "/api/items?token=abc")).isEqualTo("GET /api/items");
        assertThat(OperationNames.of("GET", "/cart;jsessionid=ABC")).isEqualTo("GET /cart;jsessionid=***");
        assertThat(OperationNames.of("GET", "http://ada:pw@localhost/x")).isEqualTo("GET http://***@localhost/x");
    }
}
