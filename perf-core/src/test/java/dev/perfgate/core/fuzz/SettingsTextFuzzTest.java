package dev.perfgate.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.cli.CliOptions;
import dev.perfgate.core.cli.UsageException;
import dev.perfgate.core.compare.Metric;
import dev.perfgate.core.slo.SloMetric;
import dev.perfgate.core.slo.SloThreshold;
import dev.perfgate.core.time.ReadableRate;

/**
 * Rates, SLO limits, gated metric lists and command lines as people mistype them: read into a valid
 * value or refused with the documented exception naming where the text came from.
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

    @Test
    void commandLinesAreReadOrRefusedWithUsage() {
        List<String> valid = List.of("--url", "http://127.0.0.1:18080/hello", "--connections", "64", "--duration", "10s",
                "--warm-up", "1s", "--timeout", "2s", "--threads", "2", "--rate", "5000");
        Random random = new Random(6);
        TextFuzzer values = new TextFuzzer(7, "0123456789./:s-htp", valid);
        List<String> texts = values.texts(CASES);
        for (int i = 0; i < CASES; i++) {
            List<String> args = new ArrayList<>(valid);
            int at = random.nextInt(args.size());
            switch (random.nextInt(3)) {
                case 0 -> args.set(at, texts.get(i));
                case 1 -> args.remove(at);
                default -> args.add(at, texts.get(i));
            }
            try {
                CliOptions options = CliOptions.parse(args.toArray(String[]::new));
                assertThat(options.connections()).as("%s", args).isPositive();
                assertThat(options.duration().isNegative()).as("%s", args).isFalse();
                assertThat(options.url().getHost()).as("%s", args).isNotNull();
            } catch (UsageException refused) {
                assertThat(refused.getMessage()).as("%s", args).isNotBlank();
            } catch (RuntimeException unexpected) {
                fail(args + " threw " + unexpected, unexpected);
            }
        }
    }
}
