package dev.perfgate.core.http;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Paths resolved on one target, checked to stay on it, and kept: most scenarios repeat a handful of
 * paths, and resolving one parses a URI. One instance serves every user of a run (thread-safe), so
 * 10,000 users keep one copy of each path, not 10,000.
 *
 * <pre>{@code
 * ResolvedPaths paths = new ResolvedPaths(URI.create("http://127.0.0.1:8080"));
 * URI items = paths.resolve("/api/items");      // http://127.0.0.1:8080/api/items
 * paths.resolve("//elsewhere.example/");         // IllegalArgumentException: leaves the target
 * }</pre>
 */
public final class ResolvedPaths {

    /** Most paths kept: a scenario that builds a path per request (ids in it) resolves each afresh beyond this. */
    static final int KEPT = 1024;

    private final URI target;
    private final Map<String, URI> known = new ConcurrentHashMap<>();

    /**
     * Paths on {@code target}.
     *
     * @throws IllegalArgumentException if the target is neither on loopback nor allowed (see {@link LoopbackTarget})
     */
    public ResolvedPaths(URI target) {
        this.target = LoopbackTarget.require(target);
    }

    /** The target paths resolve on. */
    public URI target() {
        return target;
    }

    /**
     * {@code path} on the target.
     *
     * @throws IllegalArgumentException if the path does not start with one {@code /}, or names another host or scheme,
     *         so that load stays where it was allowed
     */
    public URI resolve(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("path '" + Redaction.uri(path) + "' must start with one '/', e.g. \"/api/items\"");
        }
        URI uri = known.get(path);
        if (uri != null) {
            return uri;
        }
        uri = target.resolve(path);
        if (!Objects.equals(uri.getHost(), target.getHost()) || uri.getPort() != target.getPort()
                || !target.getScheme().equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("path '" + Redaction.uri(path) + "' leaves the target " + Redaction.uri(target));
        }
        if (known.size() < KEPT) {
            known.putIfAbsent(path, uri);
        }
        return uri;
    }
}
