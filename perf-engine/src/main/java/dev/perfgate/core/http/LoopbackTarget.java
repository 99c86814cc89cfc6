package dev.perfgate.core.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Guards where load may go. perfgate sends load only to the machine it runs on (loopback), where
 * the test's own containers publish their ports, so that no test can load another host by accident.
 *
 * <p>Another host is loaded only when named, exactly, in the system property
 * {@value #ALLOW_HOSTS_PROPERTY} (comma-separated host names or IP addresses as written in the
 * target, e.g. {@code -Dperfgate.allowHosts=staging.internal,10.0.0.5}); wildcards and address
 * ranges are refused, so that one entry cannot open a whole network. An allowed host is not
 * resolved here: it is trusted by its name.
 */
public final class LoopbackTarget {

    /** System property naming the hosts other than loopback that load may go to: {@value}. */
    public static final String ALLOW_HOSTS_PROPERTY = "perfgate.allowHosts";

    private LoopbackTarget() {
    }

    /**
     * Returns {@code target} when it is an http or https URI whose host resolves to loopback addresses only,
     * or is named in {@value #ALLOW_HOSTS_PROPERTY}.
     *
     * @throws IllegalArgumentException naming the target (without credentials) when it is not an http or https
     *         URI on loopback or an allowed host, or when {@value #ALLOW_HOSTS_PROPERTY} is malformed
     */
    public static URI require(URI target) {
        return require(target, allowedHosts(System.getProperty(ALLOW_HOSTS_PROPERTY)));
    }

    /**
     * Returns {@code target} as {@link #require(URI)} does, and only when it is plain http: for the event-loop
     * driver, which speaks no TLS.
     *
     * @throws IllegalArgumentException naming the target when it is not an http URI on loopback or an allowed host
     */
    public static URI requirePlainHttp(URI target) {
        if (target != null && "https".equalsIgnoreCase(target.getScheme())) {
            throw new IllegalArgumentException("load target '" + Redaction.uri(target)
                    + "' must be an http:// URI with a host, e.g. http://localhost:8080: this driver speaks no TLS");
        }
        return require(target);
    }

    /**
     * Returns {@code target} when it is an http or https URI whose host resolves to loopback addresses only, or
     * is one of {@code allowedHosts} (lower case; IPv6 addresses without brackets).
     *
     * @throws IllegalArgumentException naming the target (without credentials) when it is neither
     */
    public static URI require(URI target, Set<String> allowedHosts) {
        String scheme = target == null ? null : target.getScheme();
        if (target == null || target.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("load target '" + Redaction.uri(target)
                    + "' must be an http:// or https:// URI with a host, e.g. http://localhost:8080");
        }
        if (allowedHosts.contains(normalized(target.getHost()))) {
            return target;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(target.getHost())) {
                if (!address.isLoopbackAddress()) {
                    throw notLoopback(target, address.getHostAddress());
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("load target '" + Redaction.uri(target) + "': host " + target.getHost()
                    + " cannot be resolved", e);
        }
        return target;
    }

    /**
     * The hosts a {@value #ALLOW_HOSTS_PROPERTY} value names: empty for {@code null} or blank.
     *
     * @throws IllegalArgumentException naming the entry when one has a wildcard, a range or a port
     */
    public static Set<String> allowedHosts(String property) {
        if (property == null || property.isBlank()) {
            return Set.of();
        }
        Set<String> hosts = Arrays.stream(property.split(","))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .map(LoopbackTarget::normalized)
                .collect(Collectors.toUnmodifiableSet());
        for (String host : hosts) {
            if (host.contains("*") || host.contains("/") || host.contains("://") || host.contains(" ")
                    || (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':'))) {
                throw new IllegalArgumentException("system property " + ALLOW_HOSTS_PROPERTY + ": entry '" + host
                        + "' is not a host name or IP address; list exact hosts without wildcards, ranges, schemes or ports,"
                        + " e.g. -D" + ALLOW_HOSTS_PROPERTY + "=staging.internal,10.0.0.5");
            }
        }
        return hosts;
    }

    private static String normalized(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
    }

    private static IllegalArgumentException notLoopback(URI target, String address) {
        return new IllegalArgumentException("load target '" + Redaction.uri(target) + "' resolves to " + address
                + ", which is not a loopback address: perfgate sends load only to this machine"
                + " (the test's own containers publish their ports on localhost). To load another host on purpose,"
                + " name it exactly: -D" + ALLOW_HOSTS_PROPERTY + "=" + normalized(target.getHost())
                + " (comma-separated host names or IPs; no wildcards). Never name a production host:"
                + " a load test there competes with real users and can take the service down.");
    }
}
