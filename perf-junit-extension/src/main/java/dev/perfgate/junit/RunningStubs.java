package dev.perfgate.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.containers.GenericContainer;

/**
 * The stubs of one application, started before its container and closed after it. Holds no WireMock
 * type itself: with no stub declared, {@link StubServer} and WireMock are never loaded.
 */
final class RunningStubs implements AutoCloseable {

    /** How the container names the machine it runs on; Docker maps it to the host's gateway. */
    static final String HOST_FROM_CONTAINER = "host.docker.internal";

    private static final RunningStubs NONE = new RunningStubs(Map.of());

    /** What a stub served: requests, and of them the ones it failed or dropped on purpose. */
    record Traffic(long requests, long failed, long dropped) {
        Traffic minus(Traffic earlier) {
            return new Traffic(requests - earlier.requests, failed - earlier.failed, dropped - earlier.dropped);
        }
    }

    private final Map<String, StubServer> servers;
    private final Map<String, Traffic> reported = new LinkedHashMap<>();

    private RunningStubs(Map<String, StubServer> servers) {
        this.servers = servers;
    }

    /** Starts every stub, in order; on a failure stops those already started. */
    static RunningStubs start(Map<String, Stub> stubs) {
        if (stubs.isEmpty()) {
            return NONE;
        }
        RunningStubs running = new RunningStubs(new LinkedHashMap<>());
        try {
            stubs.forEach((envName, stub) -> {
                StubServer server = StubServer.start(envName, stub);
                StopOnExit.register(server);
                running.servers.put(envName, server);
            });
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
        return running;
    }

    /** Gives the container each stub's URL in its variable, and the host name those URLs use. */
    void addTo(GenericContainer<?> container) {
        if (servers.isEmpty()) {
            return;
        }
        container.withExtraHost(HOST_FROM_CONTAINER, "host-gateway");
        servers.forEach((envName, server) -> container.withEnv(envName, urlOf(server)));
    }

    /** Prints and publishes what each stub served since the last report (the warm-up included). */
    synchronized void report(ExtensionContext context) {
        if (servers.isEmpty()) {
            return;
        }
        Map<String, String> entries = new LinkedHashMap<>();
        servers.forEach((envName, server) -> {
            Traffic now = server.traffic();
            Traffic since = now.minus(reported.getOrDefault(envName, new Traffic(0, 0, 0)));
            reported.put(envName, now);
            String line = urlOf(server) + ": " + since.requests() + " requests, " + since.failed() + " failed on purpose, "
                    + since.dropped() + " dropped";
            Console.say("stub " + envName + " at " + line);
            entries.put("perfgate.stub." + envName, line);
        });
        context.publishReportEntry(entries);
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (StubServer server : servers.values()) {
            try {
                StopOnExit.stop(server);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static String urlOf(StubServer server) {
        return "http://" + HOST_FROM_CONTAINER + ":" + server.port();
    }
}
