package dev.perfgate.junit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * What a fixture run printed, for tests of perfgate's console lines. The output still reaches the console.
 *
 * <pre>{@code
 * String out = ConsoleCapture.out(() -> Fixtures.run(ResourcesLoad.class));
 * }</pre>
 */
final class ConsoleCapture {

    private ConsoleCapture() {
    }

    /** What {@code action} printed to {@link System#out}. */
    static String out(Callable<?> action) throws Exception {
        return capture(action, false);
    }

    /** What {@code action} printed to {@link System#out} and {@link System#err}, in one text. */
    static String outAndErr(Callable<?> action) throws Exception {
        return capture(action, true);
    }

    private static String capture(Callable<?> action, boolean withErr) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        try (PrintStream copy = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(new PrintStream(new Tee(out, copy), true, StandardCharsets.UTF_8));
            if (withErr) {
                System.setErr(new PrintStream(new Tee(err, copy), true, StandardCharsets.UTF_8));
            }
            action.call();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Writes to both streams; synchronized, since the engine's threads print too. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}
