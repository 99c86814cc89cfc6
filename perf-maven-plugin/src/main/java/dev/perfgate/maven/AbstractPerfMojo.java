package dev.perfgate.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import dev.perfgate.core.result.InvalidResultFileException;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;

/** What every perfgate goal shares: where results and baselines are, and {@code perf.skip}. */
abstract class AbstractPerfMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "perf.skip", defaultValue = "false")
    private boolean skip;

    /** The folder the load tests write their results to. */
    @Parameter(property = "perf.resultsDirectory", defaultValue = "${project.build.directory}/perf-results")
    private File resultsDirectory;

    /**
     * The folder of the committed baselines, one {@code <testId>.json} per load test. Default: {@code baselines}
     * in the folder Maven was started in (the top of the repository for a usual build).
     */
    @Parameter(property = "perf.baselineDirectory", defaultValue = "${session.executionRootDirectory}/baselines")
    private File baselineDirectory;

    /**
     * JMH's JSON results ({@code -rf json -rff <this file>}) of the module's benchmarks, gated against and
     * promoted to {@code <baselineDirectory>/jmh/}; there are no benchmarks when the file does not exist.
     */
    @Parameter(property = "perf.jmhResultFile", defaultValue = "${project.build.directory}/jmh-result.json")
    private File jmhResultFile;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("perfgate: skipped (perf.skip)");
            return;
        }
        executeGoal();
    }

    abstract void executeGoal() throws MojoExecutionException, MojoFailureException;

    Path resultsDirectory() {
        return resultsDirectory.toPath();
    }

    Path baselineDirectory() {
        return baselineDirectory.toPath();
    }

    /** Every result of this module, read and validated. */
    List<LoadTestResult> readResults() throws MojoExecutionException {
        return readResults(resultFiles());
    }

    /** The results in {@code files}, read and validated. */
    static List<LoadTestResult> readResults(List<Path> files) throws MojoExecutionException {
        List<LoadTestResult> results = new ArrayList<>();
        for (Path file : files) {
            results.add(read(file));
        }
        return results;
    }

    /** The result files of this module. */
    List<Path> resultFiles() throws MojoExecutionException {
        return list(resultsDirectory());
    }

    /** The module's JMH benchmark results, read and validated; empty when JMH wrote none. */
    BenchmarkSet readBenchmarks() throws MojoExecutionException {
        return BenchmarkSet.read(path(jmhResultFile), baselineDirectory());
    }

    /** {@code file} as a path; {@code null} for a parameter Maven left unset. */
    static Path path(File file) {
        return file == null ? null : file.toPath();
    }

    /** The baseline of {@code testId}, or {@code null} when there is none. */
    LoadTestResult readBaseline(String testId) throws MojoExecutionException {
        Path file = ResultFiles.fileOf(baselineDirectory(), testId);
        return file.toFile().isFile() ? read(file) : null;
    }

    static LoadTestResult read(Path file) throws MojoExecutionException {
        try {
            return ResultFiles.read(file);
        } catch (InvalidResultFileException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private static List<Path> list(Path folder) throws MojoExecutionException {
        try {
            return ResultFiles.list(folder);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
