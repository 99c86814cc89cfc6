package dev.perfgate.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders the extension makes and removes: a reference's work tree, a distributed run's hand-over folder. */
final class Folders {

    private Folders() {
    }

    /** Deletes {@code folder} and everything in it; nothing when it does not exist. */
    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
