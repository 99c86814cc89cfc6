package dev.perfgate.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.perfgate.core.calibrate.CalibratedMetric;
import dev.perfgate.core.calibrate.Calibration;
import dev.perfgate.core.calibrate.CalibrationFile;
import dev.perfgate.core.calibrate.NoiseCalibrator;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;

/**
 * Sizes the gate's tolerances from the project's own unchanged runs. Each call keeps this build's
 * results as one run in {@code target/perf-calibration/}; once a test has {@code calibrationMinRuns}
 * runs, every metric the gate judges gets a tolerance of its own from its spread between runs, written
 * to {@code baselines/calibration/tolerances.json}. Commit that file: {@code perf:check} then judges
 * those metrics with it, without the latency floor. Run it on the machine that gates, with the code
 * unchanged between the runs.
 *
 * <pre>
 * for i in 1 2 3 4 5 6 7 8 9 10; do mvn verify perf:calibrate -Dperf.failOnRegression=false; done
 * git add baselines/calibration/tolerances.json
 * </pre>
 */
@Mojo(name = "calibrate", threadSafe = true)
public class CalibrateMojo extends AbstractGateMojo {

    private static final String RUN_PREFIX = "run-";

    /** Where each build's results are kept as one calibration run; {@code mvn clean} starts over. */
    @Parameter(property = "perf.calibrationRunsDirectory", defaultValue = "${project.build.directory}/perf-calibration")
    private File calibrationRunsDirectory;

    /**
     * The fewest runs of a test its tolerances are sized on. Fewer give a spread too uncertain: from 5 runs
     * a standard deviation is known to within about -40 % / +190 % (95 %), from 10 to within -30 % / +80 %.
     */
    @Parameter(property = "perf.calibrationMinRuns", defaultValue = "" + NoiseCalibrator.DEFAULT_MIN_RUNS)
    private int calibrationMinRuns;

    /**
     * How rarely an unchanged run may pass a metric's tolerance, in standard deviations of a normal
     * distribution: 3 is 1 comparison in 740. A metric whose logarithm varies by {@code s} between the
     * {@code n} runs gets {@code exp(k sqrt(2) s) - 1}, at least 1 %, where {@code k} is Student's t quantile
     * with {@code n - 1} degrees of freedom for that rarity (4.09 from 10 runs, 6.62 from 5): few runs
     * give wide tolerances. Higher: fewer false alarms, larger changes needed to fail.
     */
    @Parameter(property = "perf.calibrationSpreads", defaultValue = "3")
    private double calibrationSpreads;

    @Override
    String goal() {
        return "calibrate";
    }

    @Override
    void executeGoal() throws MojoExecutionException {
        Path runs = calibrationRunsDirectory.toPath();
        List<Path> fresh = freshResultFiles();
        List<LoadTestResult> results = readResults(fresh);
        List<List<LoadTestResult>> collected = readRuns(runs);
        if (results.isEmpty()) {
            getLog().info("perfgate: no load-test results in " + resultsDirectory() + " from this build to calibrate with;"
                    + " run the load tests first: mvn verify perf:calibrate");
        } else if (keep(runs, fresh, results, collected)) {
            collected.add(results);
        }
        NoiseCalibrator calibrator;
        try {
            calibrator = new NoiseCalibrator(gateRules(gateSettings(), false), calibrationSpreads, calibrationMinRuns);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("perf-maven-plugin configuration: " + e.getMessage(), e);
        }
        NoiseCalibrator.Outcome outcome = calibrator.calibrate(collected, Instant.now());
        outcome.notes().forEach(note -> getLog().info("perfgate: " + note));
        Calibration calibration = outcome.calibration();
        if (calibration.metrics().isEmpty()) {
            getLog().info("perfgate: " + collected.size() + " calibration run(s) in " + runs + "; each test needs " + calibrationMinRuns
                    + ": run mvn verify perf:calibrate again (the code unchanged)");
            return;
        }
        print(calibration);
        try {
            CalibrationFile.write(calibrationFile(), calibration);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the calibration to " + calibrationFile() + ": " + e, e);
        }
        getLog().info("perfgate: tolerances of " + calibration.metrics().size() + " metric(s) from " + collected.size()
                + " run(s) written to " + calibrationFile() + "; commit it, and perf:check judges them with it");
    }

    /**
     * Copies this build's result files into a new run folder, unless one of the {@code kept} runs holds these
     * very results; whether it did.
     */
    private boolean keep(Path runs, List<Path> files, List<LoadTestResult> results, List<List<LoadTestResult>> kept)
            throws MojoExecutionException {
        Set<String> keptResults = new HashSet<>();
        kept.forEach(run -> run.forEach(result -> keptResults.add(identity(result))));
        if (results.stream().allMatch(result -> keptResults.contains(identity(result)))) {
            getLog().info("perfgate: these results are already a calibration run in " + runs + "; run the load tests again for another");
            return false;
        }
        try {
            Files.createDirectories(runs);
            int number = runFolders(runs).size() + 1;
            while (Files.exists(runs.resolve(runName(number)))) {
                number++;
            }
            Path run = runs.resolve(runName(number));
            // Copied beside it first, then renamed: a run folder is complete or absent.
            Path partial = Files.createTempDirectory(runs, ".partial-");
            for (Path file : files) {
                Files.copy(file, partial.resolve(file.getFileName()));
            }
            Files.move(partial, run, StandardCopyOption.ATOMIC_MOVE);
            getLog().info("perfgate: kept " + files.size() + " result(s) as calibration run " + run.getFileName());
            return true;
        } catch (IOException e) {
            throw new MojoExecutionException("cannot keep the results in " + runs + ": " + e, e);
        }
    }

    /** Each run folder's results, the oldest run first. */
    private static List<List<LoadTestResult>> readRuns(Path runs) throws MojoExecutionException {
        List<List<LoadTestResult>> collected = new ArrayList<>();
        try {
            for (Path run : runFolders(runs)) {
                collected.add(readResults(ResultFiles.list(run)));
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read the calibration runs in " + runs + ": " + e, e);
        }
        return collected;
    }

    private static List<Path> runFolders(Path runs) throws IOException {
        List<Path> folders = new ArrayList<>();
        if (Files.isDirectory(runs)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(runs, RUN_PREFIX + "*")) {
                stream.forEach(folders::add);
            }
        }
        folders.sort(null);
        return folders;
    }

    private static String runName(int number) {
        return String.format(Locale.ROOT, "%s%03d", RUN_PREFIX, number);
    }

    private static String identity(LoadTestResult result) {
        return result.testId() + " " + result.startedAt();
    }

    private void print(Calibration calibration) {
        getLog().info(String.format(Locale.ROOT, "%-32s %-16s %-11s %5s %12s %8s %10s", "TEST", "OPERATION", "METRIC", "RUNS", "MEDIAN",
                "SPREAD", "TOLERANCE"));
        for (CalibratedMetric metric : calibration.metrics()) {
            getLog().info(String.format(Locale.ROOT, "%-32s %-16s %-11s %5d %12s %7.1f%% %9.1f%%", metric.testId(), metric.operation(),
                    metric.metric().key(), metric.runs(), metric.metric().format(metric.median()), metric.spreadPercent(),
                    metric.tolerancePercent()));
        }
    }
}
