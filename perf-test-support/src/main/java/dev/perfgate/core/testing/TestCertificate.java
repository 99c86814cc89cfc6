package dev.perfgate.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made by the JDK's own {@code keytool} into a
 * temporary key store: the server side of a TLS test, and a client context that trusts it and nothing
 * else. Nothing is committed, so no certificate in the repository can expire.
 *
 * <pre>{@code
 * TestCertificate certificate = TestCertificate.create();
 * try (LoopbackHttpServer server = LoopbackHttpServer.startTls(certificate)) {
 *     SSLContext client = certificate.trustingClient();
 * }
 * }</pre>
 */
public final class TestCertificate {

    private static final char[] PASSWORD = "perfgate-test".toCharArray();

    private final KeyStore keys;

    private TestCertificate(KeyStore keys) {
        this.keys = keys;
    }

    /** A new key pair and certificate for 127.0.0.1 and localhost, valid for two days. */
    public static TestCertificate create() throws IOException {
        return create("ip:127.0.0.1,dns:localhost");
    }

    /** A new key pair and certificate for the names {@code subjectAlternativeNames}, as keytool's SAN takes them. */
    public static TestCertificate create(String subjectAlternativeNames) throws IOException {
        Path folder = Files.createTempDirectory("perfgate-tls");
        Path store = folder.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=" + subjectAlternativeNames, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD)))
                .redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool could not make a test certificate: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD);
            }
            return new TestCertificate(keys);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool made a test certificate", e);
        } catch (GeneralSecurityException e) {
            throw new IOException("keytool's key store could not be read", e);
        } finally {
            process.destroy();
            Files.deleteIfExists(store);
            Files.deleteIfExists(folder);
        }
    }

    /** A TLS context that presents this certificate, for a server. */
    public SSLContext server() {
        try {
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(keys, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(managers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a server context for the test certificate", e);
        }
    }

    /** A TLS context that trusts this certificate only, for a client. */
    public SSLContext trustingClient() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keys);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a client context trusting the test certificate", e);
        }
    }
}
