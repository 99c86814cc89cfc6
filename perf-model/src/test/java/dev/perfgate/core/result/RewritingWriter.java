package dev.perfgate.core.result;

import java.nio.file.Path;

/**
 * A process that rewrites one result file with two alternating contents as fast as it can, for
 * {@link KilledWriterTest} to kill at a random moment. Prints {@code ready} after the first write;
 * stops by itself after 60 s or 100,000 writes.
 */
public final class RewritingWriter {

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        LoadTestResult small = KilledWriterTest.small();
        LoadTestResult large = KilledWriterTest.large();
        ResultFiles.write(folder, small);
        System.out.println("ready");
        System.out.flush();
        long deadline = System.nanoTime() + 60_000_000_000L;
        for (int i = 0; i < 100_000 && System.nanoTime() < deadline; i++) {
            ResultFiles.write(folder, i % 2 == 0 ? large : small);
        }
    }
}
