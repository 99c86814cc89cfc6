package dev.perfgate.core.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How the engine's virtual users connect: {@link #SHARED_JDK_CLIENT}, the JDK's client shared by the
 * users of a run (the default), or {@link #OWN_SOCKET}, one keep-alive connection per user
 * ({@link SocketTransport}), a ninth of the CPU per request (bench/RESULTS.md, "Scenario users").
 * Chosen for every run of the JVM by the system property {@value #PROPERTY}.
 *
 * <pre>{@code
 * -Dperfgate.connections=socket
 * }</pre>
 */
public enum UserConnections {

    /** The JDK's {@link HttpClient}, one per run, its keep-alive pool shared by the users: {@code jdk}. */
    SHARED_JDK_CLIENT("jdk"),
    /** A blocking keep-alive connection per user, read and written by the user's own thread: {@code socket}. */
    OWN_SOCKET("socket");

    /** System property choosing the connections of every run: {@value}, {@code jdk} (the default) or {@code socket}. */
    public static final String PROPERTY = "perfgate.connections";

    private final String value;

    UserConnections(String value) {
        this.value = value;
    }

    /**
     * The kind the system property {@value #PROPERTY} names, {@link #SHARED_JDK_CLIENT} when it is not set.
     *
     * @throws IllegalArgumentException naming the property and the values it takes
     */
    public static UserConnections fromProperty() {
        String given = System.getProperty(PROPERTY, SHARED_JDK_CLIENT.value).strip().toLowerCase(Locale.ROOT);
        for (UserConnections kind : values()) {
            if (kind.value.equals(given)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("system property " + PROPERTY + ": '" + System.getProperty(PROPERTY)
                + "' is not a kind of connection; use jdk (the default) or socket");
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
