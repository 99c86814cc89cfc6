package dev.perfgate.core.http;

import java.net.URI;
import java.time.Duration;

/** The request API over the JDK's shared client to an https server: the same contract as over http. */
class JdkTransportTlsTest extends HttpsContract {

    @Override
    HttpTransport transport(URI target) {
        return new JdkTransport(JdkTransport.newSharedClient(Duration.ofSeconds(2), certificate.trustingClient()));
    }
}
