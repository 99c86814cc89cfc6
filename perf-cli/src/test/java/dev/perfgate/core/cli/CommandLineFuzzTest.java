package dev.perfgate.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.fuzz.TextFuzzer;

/**
 * Command lines as people mistype them: read into valid options or refused with the usage.
 */
class CommandLineFuzzTest {

    private static final int CASES = 20_000;

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
