package dev.perfgate.junit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.global.GlobalSettings;
import com.github.tomakehurst.wiremock.http.LogNormal;
import com.github.tomakehurst.wiremock.http.UniformDistribution;

/**
 * One {@link Stub} running: a WireMock server on all interfaces and a free port, so that a
 * container reaches it through the Docker host's gateway. The only class, with
 * {@link InjectedFaults}, that uses WireMock: it is loaded only when a stub is declared.
 */
final class StubServer implements AutoCloseable {

    private final WireMockServer server;
    private final InjectedFaults faults;

    private StubServer(WireMockServer server, InjectedFaults faults) {
        this.server = server;
        this.faults = faults;
    }

    /** Starts the server, declares the stub's routes on it and sets its latency; stops it again when that fails. */
    static StubServer start(String envName, Stub stub) {
        InjectedFaults faults = new InjectedFaults(stub);
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("0.0.0.0") // the container comes in through the Docker bridge, not loopback
                .dynamicPort()
                .disableRequestJournal() // a load test would fill it without bound
                .asynchronousResponseEnabled(true) // delayed responses wait on a timer, not a server thread
                .extensions(faults));
        try {
            server.start();
            stub.routes().accept(server);
            GlobalSettings delays = delaysOf(stub.latency());
            if (delays != null) {
                server.updateGlobalSettings(delays);
            }
            return new StubServer(server, faults);
        } catch (RuntimeException e) {
            server.stop();
            throw new ExtensionConfigurationException("withStub(\"" + envName + "\", ...): the WireMock stub did not start: "
                    + e.getMessage(), e);
        }
    }

    int port() {
        return server.port();
    }

    RunningStubs.Traffic traffic() {
        return faults.traffic();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The stub's latency as WireMock's global delay, applied to every response; null for none. */
    private static GlobalSettings delaysOf(Latency latency) {
        return switch (latency.kind()) {
            case NONE -> null;
            case FIXED -> GlobalSettings.builder().fixedDelay((int) latency.firstMillis()).build();
            case UNIFORM -> GlobalSettings.builder()
                    .delayDistribution(new UniformDistribution((int) latency.firstMillis(), (int) latency.secondMillis())).build();
            case LOG_NORMAL -> GlobalSettings.builder().delayDistribution(new LogNormal(latency.firstMillis(), latency.sigma())).build();
        };
    }
}
