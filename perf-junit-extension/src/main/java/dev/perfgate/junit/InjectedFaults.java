package dev.perfgate.junit;

import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock extension that drops or fails a share of the requests a stub serves, and counts them.
 * Request <i>n</i> (in the order the stub received them) draws {@code u} uniform in [0, 1) from the
 * seed and <i>n</i> alone (SplitMix64), so the draws do not depend on which thread serves it:
 * {@code u < drop} resets the connection, {@code u < drop + failure} answers the failure status.
 * Thread-safe.
 */
final class InjectedFaults implements ResponseDefinitionTransformerV2 {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final double dropProbability;
    private final double failureProbability;
    private final int failureStatus;
    private final long seed;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    InjectedFaults(Stub stub) {
        this.dropProbability = stub.dropProbability();
        this.failureProbability = stub.failureProbability();
        this.failureStatus = stub.failureStatus();
        this.seed = stub.seed();
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        double u = uniform(seed, requests.getAndIncrement());
        if (u < dropProbability) {
            dropped.incrementAndGet();
            return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        if (u < dropProbability + failureProbability) {
            failed.incrementAndGet();
            return ResponseDefinitionBuilder.responseDefinition().withStatus(failureStatus)
                    .withHeader("Content-Type", "text/plain").withBody("perfgate: failure injected by the stub").build();
        }
        return serveEvent.getResponseDefinition();
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public String getName() {
        return "perfgate-injected-faults";
    }

    RunningStubs.Traffic traffic() {
        return new RunningStubs.Traffic(requests.get(), failed.get(), dropped.get());
    }

    /** The {@code n}-th output of SplitMix64 seeded with {@code seed}, as a double in [0, 1). */
    static double uniform(long seed, long n) {
        long z = seed + (n + 1) * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
