package dev.perfgate.core.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Guards where load may go. perfgate sends load only to the machine it runs on (loopback), where
 * the test's own containers publish their ports, so that no test can load another host by accident.
 */
public final class LoopbackTarget {

    private LoopbackTarget() {
    }

    /**
     * Returns {@code target} when its host resolves to loopback addresses only.
     *
     * @throws IllegalArgumentException naming the target when it is not an http URI on loopback
     */
    public static URI require(URI target) {
        if (target == null || target.getHost() == null || !"http".equalsIgnoreCase(target.getScheme())) {
            throw new IllegalArgumentException("load target '" + target + "' must be an http:// URI with a host, e.g. http://localhost:8080");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(target.getHost())) {
                if (!address.isLoopbackAddress()) {
                    throw notLoopback(target, address.getHostAddress());
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("load target '" + target + "': host " + target.getHost() + " cannot be resolved", e);
        }
        return target;
    }

    private static IllegalArgumentException notLoopback(URI target, String address) {
        return new IllegalArgumentException("load target '" + target + "' resolves to " + address
                + ", which is not a loopback address: perfgate sends load only to this machine"
                + " (the test's own containers publish their ports on localhost)");
    }
}
