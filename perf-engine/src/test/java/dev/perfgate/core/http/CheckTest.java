package dev.perfgate.core.http;

import static dev.perfgate.core.http.Check.bodyContains;
import static dev.perfgate.core.http.Check.jsonField;
import static dev.perfgate.core.http.Check.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.perfgate.core.testing.LoopbackHttpServer;

/** Response checks against a real server: what passes, what fails as CHECK, and the message of a failure. */
class CheckTest {

    private LoopbackHttpServer server;
    private final List<String> recorded = new ArrayList<>();
    private Http http;

    @BeforeEach
    void startServer() throws IOException {
        server = LoopbackHttpServer.start()
                .answer("/user", 200, "{\"user\":{\"id\":7,\"name\":\"ada\",\"tags\":[\"x\",\"y\"]},\"active\":true}")
                .answer("/missing", 404, "{\"error\":\"no such user\"}")
                .answer("/down", 503, "down")
                .answer("/text", 200, "plain text");
        http = new UserHttp(new JdkTransport(JdkTransport.newSharedClient(Duration.ofSeconds(2))), server.url(""), Duration.ofSeconds(5), new RequestRecorder() {
            @Override
            public void record(String operation, long startNanos, long latencyNanos, ErrorKind error) {
                recorded.add(operation + " " + error);
            }

            @Override
            public void recordFailedCheck(String operation, long startNanos, long latencyNanos, String failure) {
                recorded.add(operation + " CHECK " + failure);
            }
        });
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void passingChecksLeaveTheRequestASuccess() {
        Response response = http.get("user", "/user", status(200), bodyContains("ada"), jsonField("user.id").isEqualTo(7),
                jsonField("user.tags[1]").isEqualTo("y"), jsonField("/active").isEqualTo(true), jsonField("user.name").exists());
        assertThat(response.ok()).isTrue();
        assertThat(response.failure()).isNull();
        assertThat(recorded).containsExactly("user null");
    }

    @Test
    void aFailedCheckCountsAsCheckNamingTheOperationAndTheCheck() {
        Response response = http.get("user", "/user", status(200), jsonField("user.id").isEqualTo(8));
        assertThat(response.error()).isEqualTo(ErrorKind.CHECK);
        assertThat(response.failure()).isEqualTo("check failed on 'user': JSON field user.id is 8, was 7");
        assertThat(recorded).containsExactly("user CHECK check failed on 'user': JSON field user.id is 8, was 7");
    }

    @Test
    void eachKindOfCheckSaysWhyItFailed() {
        assertThat(http.get("a", "/user", bodyContains("bob")).failure()).isEqualTo("check failed on 'a': body contains \"bob\", but it does not (61 chars)");
        assertThat(http.get("b", "/user", jsonField("user.email").exists()).failure())
                .isEqualTo("check failed on 'b': JSON field user.email exists, but it is missing");
        assertThat(http.get("c", "/text", jsonField("id").exists()).failure()).isEqualTo("check failed on 'c': JSON field id checked, but the body is not JSON");
        assertThat(http.get("d", "/user", status(201, 204)).failure()).isEqualTo("check failed on 'd': status is 201 or 204, was 200");
        assertThat(http.request("e", "POST", "/user").json("{}").check(jsonField("user.name").isEqualTo("bob")).send().failure())
                .isEqualTo("check failed on 'e': JSON field user.name is \"bob\", was \"ada\"");
    }

    @Test
    void aStatusCheckDecidesAloneWhetherTheStatusIsASuccess() {
        Response expected404 = http.get("lookup", "/missing", status(404), jsonField("error").exists());
        assertThat(expected404.ok()).isTrue();
        Response unexpected503 = http.get("down", "/down", status(200));
        assertThat(unexpected503.error()).isEqualTo(ErrorKind.CHECK);
        assertThat(unexpected503.failure()).isEqualTo("check failed on 'down': status is 200, was 503");
        assertThat(recorded).containsExactly("lookup null", "down CHECK check failed on 'down': status is 200, was 503");
    }

    @Test
    void withoutAStatusCheckHttpErrorsStayHttpErrorsAndOtherChecksDoNotRun() {
        Response response = http.get("down", "/down", bodyContains("up"));
        assertThat(response.error()).isEqualTo(ErrorKind.HTTP_5XX);
        assertThat(response.failure()).isNull();
        assertThat(recorded).containsExactly("down HTTP_5XX");
    }

    @Test
    void badChecksAreRefusedWhenMade() {
        assertThatThrownBy(() -> status()).hasMessageContaining("give the expected status");
        assertThatThrownBy(() -> status(42)).hasMessageContaining("42 is not an HTTP status");
        assertThatThrownBy(() -> jsonField(" ")).hasMessageContaining("give a path");
    }

    @Test
    void dottedPathsBecomeJsonPointers() {
        assertThat(JsonFieldCheck.pointerOf("items[0].name")).isEqualTo("/items/0/name");
        assertThat(JsonFieldCheck.pointerOf("a/b.c")).isEqualTo("/a~1b/c");
    }
}
