package dev.perfgate.core.http;

import java.io.IOException;

import org.junit.jupiter.api.BeforeAll;

import dev.perfgate.core.testing.LoopbackHttpServer;
import dev.perfgate.core.testing.TestCertificate;

/** {@link HttpContract} over https: the echo server presents a certificate made for the test class. */
abstract class HttpsContract extends HttpContract {

    static TestCertificate certificate;

    @BeforeAll
    static void makeCertificate() throws IOException {
        certificate = TestCertificate.create();
    }

    @Override
    LoopbackHttpServer startServer() throws IOException {
        return LoopbackHttpServer.startTls(certificate);
    }
}
