package dev.perfgate.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.slo.SloMetric;
import dev.perfgate.core.slo.SloThreshold;
import dev.perfgate.core.time.ReadableRate;

/**
 * Rates and SLO limits as people mistype them: read into a valid value or refused with the documented
 * exception naming where the text came from.
 */
class SettingsTextFuzzTest {

    private static final int CASES = 20_000;

    @Test
    void ratesAreReadOrRefusedNamingTheProperty() {
        String where = "-Dperfgate.arrivalRate";
        for (String text : new TextFuzzer(4, "0123456789./s eE-+%", List.of("50/s", "0.5/s", "100/s")).texts(CASES)) {
            try {
                double rate = ReadableRate.parse(text, where);
                assertThat(rate).as("'%s'", text).isFinite().isNotNegative();
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).as("'%s'", text).contains(where).contains("'" + text + "'");
            } catch (RuntimeException unexpected) {
                fail("'" + text + "' threw " + unexpected, unexpected);
            }
        }
    }

    @Test
    void sloLimitsAreReadOrRefusedNamingTheAnnotation() {
        List<String> examples = List.of("300ms", "2s", "1%", "0.5%", "100/s", "1m");
        for (SloMetric metric : SloMetric.values()) {
            String where = "@Slo(" + metric.label() + ")";
            for (String text : new TextFuzzer(metric.ordinal(), "0123456789.%/s msh-+eE", examples).texts(CASES / 4)) {
                try {
                    SloThreshold threshold = SloThreshold.parse("GET /items", metric, text, where);
                    assertThat(threshold.limit()).as("'%s'", text).isFinite().isNotNegative();
                    if (metric == SloMetric.ERROR_RATE) {
                        assertThat(threshold.limit()).as("'%s'", text).isLessThanOrEqualTo(1);
                    }
                } catch (IllegalArgumentException refused) {
                    assertThat(refused.getMessage()).as("%s '%s'", metric, text).contains(where);
                } catch (RuntimeException unexpected) {
                    fail(metric + " '" + text + "' threw " + unexpected, unexpected);
                }
            }
        }
    }
}
