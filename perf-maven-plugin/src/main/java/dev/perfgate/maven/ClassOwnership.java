package dev.perfgate.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Whether this module compiled a class, in its main or test classes: then a baseline of that class's benchmark is this module's. */
final class ClassOwnership {

    private final List<Path> classFolders;

    ClassOwnership(Path... classFolders) {
        this.classFolders = Arrays.stream(classFolders).filter(Objects::nonNull).toList();
    }

    /** Whether {@code className} (e.g. {@code "com.example.ParseBenchmark"}) is among this module's compiled classes. */
    boolean compiled(String className) {
        String relative = className.replace('.', '/') + ".class";
        return classFolders.stream().anyMatch(folder -> Files.isRegularFile(folder.resolve(relative)));
    }
}
