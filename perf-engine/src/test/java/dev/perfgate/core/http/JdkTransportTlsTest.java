package dev.perfgate.core.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;

import dev.perfgate.core.testing.LoopbackHttpServer;
import dev.perfgate.core.testing.TestCertificate;

/** The request API over the JDK's shared client to an https server: the same contract as over http. */
class JdkTransportTlsTest extends HttpContract {

    private static TestCertificate certificate;

    @BeforeAll
    static void makeCertificate() throws IOException {
        certificate = TestCertificate.create();
    }

    @Override
    LoopbackHttpServer startServer() throws IOException {
        return LoopbackHttpServer.startTls(certificate);
    }

    @Override
    HttpTransport transport(URI target) {
        return new JdkTransport(JdkTransport.newSharedClient(Duration.ofSeconds(2), certificate.trustingClient()));
    }
}
