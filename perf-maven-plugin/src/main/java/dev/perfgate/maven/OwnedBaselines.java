package dev.perfgate.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.perfgate.core.result.ResultFiles;

/**
 * The baselines a module owns: those named {@code <SimpleClassName>.<method>} for a test class this
 * module compiled. The baseline folder is shared by every module of a build, so only these can be
 * MISSING here; baselines with a custom {@code @LoadTest(id)} cannot be attributed and are skipped.
 */
final class OwnedBaselines {

    private OwnedBaselines() {
    }

    /** Test ids of the baselines in {@code baselineDirectory} whose class is among {@code testClasses}. */
    static List<String> in(Path baselineDirectory, Path testClasses) throws IOException {
        Set<String> classes = simpleClassNames(testClasses);
        return ResultFiles.list(baselineDirectory).stream()
                .map(ResultFiles::testIdOf)
                .filter(testId -> testId.lastIndexOf('.') > 0 && classes.contains(testId.substring(0, testId.lastIndexOf('.'))))
                .collect(Collectors.toList());
    }

    private static Set<String> simpleClassNames(Path testClasses) throws IOException {
        if (testClasses == null || !Files.isDirectory(testClasses)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(testClasses)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()))
                    .collect(Collectors.toSet());
        }
    }
}
