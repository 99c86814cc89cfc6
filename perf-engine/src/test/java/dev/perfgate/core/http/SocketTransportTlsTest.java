package dev.perfgate.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.testing.LoopbackHttpServer;
import dev.perfgate.core.testing.TestCertificate;

/**
 * The request API over a connection per user to an https server: the same contract as over http, the
 * connection kept alive across requests, and a certificate that is not trusted or does not name the host
 * refused as the JDK's client refuses it.
 */
class SocketTransportTlsTest extends HttpsContract {

    private final List<String> outcomes = new ArrayList<>();

    @Override
    HttpTransport transport(URI target) {
        return new SocketTransport(target, certificate.trustingClient());
    }

    private Http httpTo(HttpTransport transport, URI target) {
        return new UserHttp(transport, target, Duration.ofSeconds(5), (operation, start, latency, error) -> outcomes.add(operation + " " + error));
    }

    @Test
    void aUserSendsItsRequestsOverTls() throws IOException {
        server.answer("/ok", 200, "ok");
        try (SocketTransport transport = new SocketTransport(server.url(""), certificate.trustingClient())) {
            Http http = httpTo(transport, server.url(""));
            for (int i = 0; i < 5; i++) {
                assertThat(http.get("ok", "/ok").body()).isEqualTo("ok");
            }
        }
        assertThat(outcomes).containsOnly("ok null").hasSize(5);
        assertThat(server.answered()).isEqualTo(5);
    }

    @Test
    void aCertificateTheJvmDoesNotTrustIsAConnectionError() {
        server.answer("/ok", 200, "ok");
        // The JVM's default trust store knows nothing of the test's self-signed certificate.
        Response response = httpTo(new SocketTransport(server.url("")), server.url("")).get("ok", "/ok");

        assertThat(response.error()).isEqualTo(ErrorKind.CONNECTION);
        assertThat(server.answered()).isZero();
    }

    @Test
    void aCertificateForAnotherHostIsAConnectionError() throws IOException {
        // Trusted by the client, but it names another host than the 127.0.0.1 the request goes to.
        TestCertificate elsewhere = TestCertificate.create("dns:elsewhere.test");
        try (LoopbackHttpServer other = LoopbackHttpServer.startTls(elsewhere).answer("/ok", 200, "ok")) {
            URI target = other.url("");
            Response response = httpTo(new SocketTransport(target, elsewhere.trustingClient()), target).get("ok", "/ok");

            assertThat(response.error()).isEqualTo(ErrorKind.CONNECTION);
            assertThat(other.answered()).isZero();
        }
    }
}
