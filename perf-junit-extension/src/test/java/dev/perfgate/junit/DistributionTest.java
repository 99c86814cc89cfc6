package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import dev.perfgate.core.http.LoopbackTarget;

/** How many load generators a load test asks for, and what is refused before anything starts. */
class DistributionTest {

    /** Annotated methods read, never run. */
    static final class Declared {
        @LoadTest(workers = 3)
        void three() {
        }

        @LoadTest
        void unset() {
        }

        @LoadTest(workers = 2, pattern = "spike 1->4->1 users for 1s/1s/1s")
        void spiked() {
        }
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty(LoadTest.WORKERS_PROPERTY);
        System.clearProperty(LoadTest.ORCHESTRATOR_PROPERTY);
        System.clearProperty(PartRun.PART_PROPERTY);
        System.clearProperty(Distribution.TARGET_HOST_PROPERTY);
        System.clearProperty(Distribution.START_LEAD_PROPERTY);
        System.clearProperty(LoopbackTarget.ALLOW_HOSTS_PROPERTY);
    }

    private static Method method(String name) throws NoSuchMethodException {
        return Declared.class.getDeclaredMethod(name);
    }

    private static Distribution of(String name) throws NoSuchMethodException {
        return Distribution.of(method(name).getAnnotation(LoadTest.class), "Declared." + name);
    }

    @Test
    void theAnnotationOrThePropertySaysHowMany() throws NoSuchMethodException {
        assertThat(of("three")).isEqualTo(new Distribution(3, Orchestrator.LOCAL, null, Duration.ZERO));
        assertThat(of("unset")).isEqualTo(Distribution.NONE);
        assertThat(of("unset").isDistributed()).isFalse();

        System.setProperty(LoadTest.WORKERS_PROPERTY, " 4 ");
        assertThat(of("three").workers()).isEqualTo(4);
        System.setProperty(LoadTest.WORKERS_PROPERTY, "0");
        assertThat(of("three")).isEqualTo(Distribution.NONE);
    }

    @Test
    void aWorkerRunsItsPartAndDistributesNothing() throws NoSuchMethodException {
        System.setProperty(PartRun.PART_PROPERTY, "1/3");

        assertThat(of("three")).isEqualTo(Distribution.NONE);
    }

    @Test
    void badCountsAndUnknownOrchestratorsAreRefusedNamingTheirSource() {
        System.setProperty(LoadTest.WORKERS_PROPERTY, "four");
        assertThatThrownBy(() -> of("three")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("system property perfgate.workers: 'four' is not a whole number");
        System.setProperty(LoadTest.WORKERS_PROPERTY, "-2");
        assertThatThrownBy(() -> of("three")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-2 is out of range");
        System.clearProperty(LoadTest.WORKERS_PROPERTY);
        System.setProperty(LoadTest.ORCHESTRATOR_PROPERTY, "mesos");
        assertThatThrownBy(() -> of("three")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("perfgate.orchestrator: 'mesos'").hasMessageContaining("local, swarm, kubernetes");
    }

    @Test
    void workersInContainersReachTheAppOnlyByAHostNamedTwice() throws NoSuchMethodException {
        URI app = URI.create("http://localhost:32768/api");
        System.setProperty(LoadTest.ORCHESTRATOR_PROPERTY, "Swarm");
        assertThat(of("three").orchestrator()).isEqualTo(Orchestrator.SWARM);
        assertThat(of("three").startLead()).isEqualTo(Orchestrator.SWARM.defaultStartLead());
        assertThatThrownBy(() -> of("three").workerTarget(app)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("system property " + Distribution.TARGET_HOST_PROPERTY).hasMessageContaining("port 32768");

        System.setProperty(Distribution.TARGET_HOST_PROPERTY, "10.0.0.5");
        assertThatThrownBy(() -> of("three").workerTarget(app)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("system property " + LoopbackTarget.ALLOW_HOSTS_PROPERTY).hasMessageContaining("10.0.0.5");

        System.setProperty(LoopbackTarget.ALLOW_HOSTS_PROPERTY, "10.0.0.5");
        assertThat(of("three").workerTarget(app)).isEqualTo(URI.create("http://10.0.0.5:32768/api"));

        System.setProperty(LoadTest.ORCHESTRATOR_PROPERTY, "local");
        assertThat(of("three").workerTarget(app)).as("local workers share the machine").isEqualTo(app);
    }

    @Test
    void theStartLeadIsSecondsWithinBounds() throws NoSuchMethodException {
        System.setProperty(LoadTest.ORCHESTRATOR_PROPERTY, "kubernetes");
        System.setProperty(Distribution.START_LEAD_PROPERTY, "45");
        assertThat(of("three").startLead()).isEqualTo(Duration.ofSeconds(45));
        System.setProperty(Distribution.START_LEAD_PROPERTY, "PT45S");
        assertThatThrownBy(() -> of("three")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("system property " + Distribution.START_LEAD_PROPERTY + ": 'PT45S'");
        System.setProperty(Distribution.START_LEAD_PROPERTY, "0");
        assertThatThrownBy(() -> of("three")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 600");
    }

    @Test
    void aPatternJudgedWhileItRunsIsNotSpread() {
        assertThatThrownBy(() -> LoadTestSettings.of(method("spiked").getAnnotation(LoadTest.class), method("spiked")))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("@LoadTest(workers) on Declared.spiked").hasMessageContaining("without workers");
    }
}
