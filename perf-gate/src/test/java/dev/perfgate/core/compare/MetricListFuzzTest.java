package dev.perfgate.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.fuzz.TextFuzzer;

/**
 * Gated metric lists as people mistype them: read into a valid set or refused listing the valid names.
 */
class MetricListFuzzTest {

    private static final int CASES = 20_000;

    @Test
    void metricListsAreReadOrRefusedListingTheValidNames() {
        for (String text : new TextFuzzer(5, "p0123456789,throughputerrorRate ", List.of("p95,p99,throughput,errorRate", "p50", "errorRate")).texts(CASES)) {
            try {
                Set<Metric> metrics = Metric.parseList(text);
                assertThat(metrics).as("'%s'", text).isNotEmpty();
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).as("'%s'", text).startsWith("metrics: ").contains("e.g.");
            } catch (RuntimeException unexpected) {
                fail("'" + text + "' threw " + unexpected, unexpected);
            }
        }
    }
}
