package dev.perfgate.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import dev.perfgate.core.result.InvalidResultFileException;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;

/**
 * The commit the committed baselines were recorded at: the reference a side-by-side run takes when
 * none is named, so that this build is measured against the version its baselines describe. Baselines
 * carry the commit they measured ({@code environment.gitCommit}); the newest baseline's is taken, as
 * {@code perf:baseline} records a project's baselines together.
 */
final class BaselineCommit {

    /** The system property of the Maven plugin that names the baseline folder, when passed on to the tests: {@value}. */
    static final String BASELINE_DIRECTORY_PROPERTY = "perf.baselineDirectory";

    /**
     * @param commit the commit
     * @param file   the baseline that records it
     * @param day    the day it was recorded
     */
    record Found(String commit, Path file, String day) {
    }

    private BaselineCommit() {
    }

    /**
     * The commit of the newest baseline in the baseline folder: {@value #BASELINE_DIRECTORY_PROPERTY} when set, else
     * {@code baselines} in the module, else {@code baselines} at the repository's top; fails naming {@code where}.
     */
    static Found of(Path module, Path repository, String where) {
        List<Path> folders = new ArrayList<>();
        String configured = System.getProperty(BASELINE_DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            folders.add(Path.of(configured.strip()));
        } else {
            folders.add(module.resolve("baselines"));
            folders.add(repository.resolve("baselines"));
        }
        for (Path folder : folders) {
            Optional<Found> found = newestIn(folder);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new ExtensionConfigurationException(where + ": the reference is the commit the baselines were recorded at, but no"
                + " baseline in " + folders + " records one; record baselines first (mvn verify perf:baseline, then commit them),"
                + " or name the reference, e.g. -D" + ReferenceProperty.PROPERTY + "=git:origin/main");
    }

    private static Optional<Found> newestIn(Path folder) {
        List<LoadTestResult> baselines = new ArrayList<>();
        try {
            for (Path file : ResultFiles.list(folder)) {
                try {
                    LoadTestResult baseline = ResultFiles.read(file);
                    if (baseline.environment() != null && baseline.environment().gitCommit() != null) {
                        baselines.add(baseline);
                    }
                } catch (InvalidResultFileException unreadable) {
                    // the gate reports it; it names no commit here
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return baselines.stream().max(Comparator.comparing(LoadTestResult::startedAt))
                .map(newest -> new Found(newest.environment().gitCommit(), ResultFiles.fileOf(folder, newest.testId()),
                        newest.startedAt().substring(0, Math.min(10, newest.startedAt().length()))));
    }
}
