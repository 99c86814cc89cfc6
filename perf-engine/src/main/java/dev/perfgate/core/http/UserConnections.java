package dev.perfgate.core.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How the engine's virtual users connect: {@link #OWN_SOCKET}, one keep-alive connection per user
 * ({@link SocketTransport}, the default), or {@link #SHARED_JDK_CLIENT}, the JDK's client shared by the
 * users of a run, which costs the generator several times the CPU per request (bench/RESULTS.md,
 * "Scenario users"). Chosen for every run of the JVM by the system property {@value #PROPERTY}.
 *
 * <pre>{@code
 * -Dperfgate.connections=jdk
 * }</pre>
 */
public enum UserConnections {

    /** A blocking keep-alive connection per user, read and written by the user's own thread: {@code socket}. */
    OWN_SOCKET("socket"),
    /** The JDK's {@link HttpClient}, one per run, its keep-alive pool shared by the users: {@code jdk}. */
    SHARED_JDK_CLIENT("jdk");

    /** System property choosing the connections of every run: {@value}, {@code socket} (the default) or {@code jdk}. */
    public static final String PROPERTY = "perfgate.connections";

    private final String value;

    UserConnections(String value) {
        this.value = value;
    }

    /**
     * The kind the system property {@value #PROPERTY} names, {@link #OWN_SOCKET} when it is not set.
     *
     * @throws IllegalArgumentException naming the property and the values it takes
     */
    public static UserConnections fromProperty() {
        String given = System.getProperty(PROPERTY, OWN_SOCKET.value).strip().toLowerCase(Locale.ROOT);
        for (UserConnections kind : values()) {
            if (kind.value.equals(given)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("system property " + PROPERTY + ": '" + System.getProperty(PROPERTY)
                + "' is not a kind of connection; use socket (the default) or jdk");
    }

    /** Makes each user's transport for one run against {@code target}; the JDK's client is made once and shared. */
    public Supplier<HttpTransport> forRun(URI target, Duration connectTimeout) {
        if (this == OWN_SOCKET) {
            return () -> new SocketTransport(target);
        }
        HttpClient shared = JdkTransport.newSharedClient(connectTimeout);
        JdkTransport transport = new JdkTransport(shared);
        return () -> transport;
    }
}
