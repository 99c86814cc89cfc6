package dev.perfgate.core.http;

import java.net.URI;
import java.time.Duration;

/** The request API over the JDK's shared client. */
class JdkTransportTest extends HttpContract {

    @Override
    HttpTransport transport(URI target) {
        return new JdkTransport(JdkTransport.newSharedClient(Duration.ofSeconds(2)));
    }
}
