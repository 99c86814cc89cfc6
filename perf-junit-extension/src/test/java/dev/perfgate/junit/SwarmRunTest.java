package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.DockerClientFactory;

import dev.perfgate.core.check.Check;
import dev.perfgate.core.check.CheckInput;
import dev.perfgate.core.check.CheckOutcome;
import dev.perfgate.core.check.CheckSettings;
import dev.perfgate.core.compare.GateRules;
import dev.perfgate.core.compare.GateSettings;
import dev.perfgate.core.http.LoopbackTarget;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.junit.fixture.BrokenWorkerLoad;
import dev.perfgate.junit.fixture.SwarmLoad;

/**
 * A load test spread over the tasks of a real Docker swarm-mode service: the workers run in containers
 * of the image built from this test's classpath, reach the tiny app through the Docker host's bridge
 * address (named, as a distributed run requires), and print their parts, which the coordinator reads
 * from the tasks' logs. Needs the engine in swarm mode ({@code scripts/docker-up.sh} starts it so).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SwarmRunTest {

    @RegisterExtension
    final FixtureIsolation fixtures = FixtureIsolation.clearing(LoadTest.WORKERS_PROPERTY, LoadTest.ORCHESTRATOR_PROPERTY,
            Distribution.TARGET_HOST_PROPERTY, Distribution.START_LEAD_PROPERTY, LoopbackTarget.ALLOW_HOSTS_PROPERTY);

    private void spreadOverTheSwarm() {
        // The Docker host's address on its default bridge: another address of this machine than loopback, as
        // a node's address would be, on which the app's published port answers.
        String host = DockerClientFactory.instance().client().inspectNetworkCmd().withNetworkId("bridge").exec().getIpam()
                .getConfig().get(0).getGateway();
        System.setProperty(LoadTest.ORCHESTRATOR_PROPERTY, "swarm");
        System.setProperty(Distribution.TARGET_HOST_PROPERTY, host);
        System.setProperty(LoopbackTarget.ALLOW_HOSTS_PROPERTY, host);
        System.setProperty(Distribution.START_LEAD_PROPERTY, "20");
    }

    @Test
    void fourSwarmTasksShareTheUsersAndTheirMergedResultIsWhatTheServerAnswered() {
        spreadOverTheSwarm();
        SwarmLoad.served = -1;

        EngineExecutionResults results = Fixtures.run(SwarmLoad.class);

        assertThat(Fixtures.failures(results)).isEmpty();
        LoadTestResult result = DistributedRunTest.assertMergedFromItsParts(fixtures.resultsDir(), SwarmLoad.ID, 4, SwarmLoad.served);
        assertThat(result.plan().users()).isEqualTo(8);
        Path folder = fixtures.resultsDir().resolve("parts").resolve(SwarmLoad.ID);
        assertThat(folder.resolve("worker-3.log")).content().contains("part 4 of 4 against http://"
                + System.getProperty(LoopbackTarget.ALLOW_HOSTS_PROPERTY, "?"));
        CheckOutcome gate = new Check(CheckSettings.of(GateRules.everywhere(GateSettings.DEFAULT), GateSettings.DEFAULT))
                .run(CheckInput.of(List.of(result), Map.of(SwarmLoad.ID, result), fixtures.resultsDir(), "results"));
        assertThat(gate.failed()).as(gate.table()).isFalse();
        assertThat(gate.rows()).as("the gate compared the merged result's metrics").isNotEmpty();
        assertThat(workerServices()).isEmpty();
    }

    @Test
    void aTaskThatFailsFailsTheRunNamingItWithItsLog() {
        spreadOverTheSwarm();

        EngineExecutionResults results = Fixtures.run(BrokenWorkerLoad.class);

        assertThat(Fixtures.failures(results)).singleElement().satisfies(failure -> assertThat(failure.getMessage())
                .contains("worker 2 of 2 (swarm service perfgate-").contains("slot 2) failed").contains(BrokenWorkerLoad.FAILURE));
        assertThat(workerServices()).isEmpty();
    }

    private static List<String> workerServices() {
        return DockerClientFactory.instance().client().listServicesCmd().exec().stream()
                .filter(service -> service.getSpec().getLabels() != null
                        && service.getSpec().getLabels().containsKey(SwarmWorkers.TEST_ID_LABEL))
                .map(service -> service.getSpec().getName()).toList();
    }
}
