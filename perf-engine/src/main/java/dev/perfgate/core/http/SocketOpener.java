package dev.perfgate.core.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens connections to one target's host and port: TCP without Nagle's delay, then TLS for an
 * {@code https} (or {@code wss}) target, the server's certificate and host name checked as the JDK's
 * client checks them. Used by {@link SocketTransport} and {@link WebSocketConnection}.
 */
final class SocketOpener {

    private final InetSocketAddress address;
    private final String host;
    /** TLS for a secure target, {@code null} for a plain one. */
    private final SSLSocketFactory tls;

    /** Connections to {@code target}, over TLS with {@code tls} (or the JVM's default when {@code null}) when it is secure. */
    SocketOpener(URI target, SSLContext tls) {
        boolean secure = isSecure(target);
        this.host = target.getHost();
        this.address = new InetSocketAddress(host, target.getPort() != -1 ? target.getPort() : secure ? 443 : 80);
        this.tls = secure ? (tls != null ? tls : defaultTls()).getSocketFactory() : null;
    }

    static boolean isSecure(URI target) {
        return "https".equalsIgnoreCase(target.getScheme()) || "wss".equalsIgnoreCase(target.getScheme());
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM offers no default TLS context for https targets", e);
        }
    }

    /** {@code host:port}, as a Host header names the target. */
    String authority() {
        return host + ":" + address.getPort();
    }

    /** The milliseconds left of a request's time, at least 1; throws once none are left. */
    interface TimeLeft {
        int millis() throws SocketTimeoutException;
    }

    /** A connection, the TCP connect and the TLS handshake each waiting at most what is {@code left} of the time then. */
    Socket open(TimeLeft left) throws IOException {
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.connect(address, left.millis());
            return tls == null ? opened : handshake(opened, left.millis());
        } catch (IOException e) {
            opened.close();
            throw e;
        }
    }

    /** TLS over {@code plain}; closes {@code plain} when it fails. */
    private Socket handshake(Socket plain, int timeoutMillis) throws IOException {
        SSLSocket secured = (SSLSocket) tls.createSocket(plain, host, address.getPort(), true);
        try {
            SSLParameters parameters = secured.getSSLParameters();
            // As the JDK's client: the certificate must name the host, not only be trusted.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secured.setSSLParameters(parameters);
            secured.setSoTimeout(timeoutMillis);
            secured.startHandshake();
            return secured;
        } catch (IOException e) {
            secured.close();
            throw e;
        }
    }
}
