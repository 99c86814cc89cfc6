package dev.perfgate.core.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Damages a valid file thousands of times ({@link Mutations}) and hands each copy to a reader, which must
 * read it correctly or refuse it with the one exception it documents. Any other exception, or an
 * assertion failing inside the reader, fails with the case number and the damaged bytes.
 *
 * <pre>{@code
 * Outcomes outcomes = DamagedFiles.fuzz(valid, 1_500, InvalidResultFileException.class,
 *         file -> ResultFiles.read(file), (file, refused) -> assertThat(refused.file()).isEqualTo(file));
 * }</pre>
 */
public final class DamagedFiles {

    private DamagedFiles() {
    }

    /** How many damaged copies were still read and how many were refused. */
    public record Outcomes(int read, int refused) {
    }

    /**
     * Writes {@code cases} damaged copies of {@code valid} over it (its name is part of what a reader
     * reports), reads each with {@code reader}, checks each refusal with {@code checkRefusal}, and restores the file.
     */
    public static <E extends RuntimeException> Outcomes fuzz(Path valid, int cases, Class<E> refusal, Consumer<Path> reader,
            BiConsumer<Path, E> checkRefusal) throws IOException {
        byte[] original = Files.readAllBytes(valid);
        Random random = new Random(20261122L); // fixed: a failure can be replayed
        int read = 0;
        int refused = 0;
        for (int i = 0; i < cases; i++) {
            byte[] damaged = Mutations.mutate(original, random);
            Files.write(valid, damaged);
            try {
                reader.accept(valid);
                read++;
            } catch (RuntimeException | AssertionError thrown) {
                if (!refusal.isInstance(thrown)) {
                    throw new AssertionError("case " + i + ": damaged file neither read nor refused cleanly:\n"
                            + new String(damaged, StandardCharsets.ISO_8859_1), thrown);
                }
                checkRefusal.accept(valid, refusal.cast(thrown));
                refused++;
            }
        }
        Files.write(valid, original);
        return new Outcomes(read, refused);
    }
}
