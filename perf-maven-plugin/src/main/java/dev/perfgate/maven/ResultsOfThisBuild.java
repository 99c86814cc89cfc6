package dev.perfgate.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Which result files a gate in this build may trust. A build that ran the tests gates only the
 * results written since it started: a file left by an earlier run (a test this build did not run,
 * e.g. with {@code -Dit.test=...}) would otherwise be gated again, passing or failing for old code.
 * A gate run on its own ({@code mvn perf:check}) checks every result there is: that is what it was asked to.
 *
 * <pre>{@code
 * List<Path> stale = ResultsOfThisBuild.stale(files, buildStarted, session.getGoals());
 * }</pre>
 */
final class ResultsOfThisBuild {

    /** The default lifecycle's phases that run the tests (a build asked for any of them ran them). */
    private static final Set<String> PHASES_WITH_TESTS = Set.of("test", "prepare-package", "package", "pre-integration-test",
            "integration-test", "post-integration-test", "verify", "install", "deploy");

    private ResultsOfThisBuild() {
    }

    /**
     * The files of {@code files} written before {@code buildStarted} when {@code goals} ran the tests; none
     * when they did not, or when the start is unknown.
     */
    static List<Path> stale(List<Path> files, Date buildStarted, List<String> goals) {
        if (buildStarted == null || goals == null || goals.stream().noneMatch(PHASES_WITH_TESTS::contains)) {
            return List.of();
        }
        Instant started = buildStarted.toInstant();
        return files.stream().filter(file -> writtenAt(file).isBefore(started)).toList();
    }

    /** When {@code file} was last written. */
    static Instant writtenAt(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the modification time of " + file + ": " + e.getMessage(), e);
        }
    }
}
