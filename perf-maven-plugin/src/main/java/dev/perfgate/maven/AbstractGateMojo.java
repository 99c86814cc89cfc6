package dev.perfgate.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import dev.perfgate.core.calibrate.CalibratedRules;
import dev.perfgate.core.calibrate.Calibration;
import dev.perfgate.core.calibrate.CalibrationFile;
import dev.perfgate.core.compare.GateRules;
import dev.perfgate.core.compare.GateSettings;
import dev.perfgate.core.compare.Metric;
import dev.perfgate.core.result.InvalidResultFileException;

/**
 * What the goals that judge results share: the gate's settings and rules, the calibrated tolerances,
 * and which results this build produced.
 */
abstract class AbstractGateMojo extends AbstractPerfMojo {

    /** Change of latency percentiles (and, as a factor, of throughput: below baseline / (1 + t/100)), in percent, that still counts as noise. */
    @Parameter(property = "perf.tolerance", defaultValue = "10")
    private double tolerancePercent;

    /**
     * Latency changes smaller than this many milliseconds count as noise whatever their relative size: a
     * sub-millisecond percentile of a fast endpoint moves by more than the tolerance with the scheduler alone.
     * Against a committed baseline only; a side-by-side run decides on its pairs' interval instead.
     */
    @Parameter(property = "perf.latencyFloorMillis", defaultValue = "1")
    private double latencyFloorMillis;

    /** Rise of the error rate, in percentage points, that still counts as noise. */
    @Parameter(property = "perf.errorRateTolerance", defaultValue = "1")
    private double errorRateTolerancePoints;

    /**
     * Successful requests a run needs beyond a latency percentile (in the baseline and now) for that
     * percentile to be gated. With fewer it is left out, and one row per test says which were: p99 with
     * the default 50 needs 5,000 requests of the operation, p95 1,000, the median 100. Side by side, the
     * requests of all trials of each version count together.
     */
    @Parameter(property = "perf.minTailSamples", defaultValue = "50")
    private int minTailSamples;

    /**
     * One-sided significance level a change beyond the tolerance must also reach: across the runs'
     * windows (Mann-Whitney U) for latency and throughput, on the request counts (Fisher's exact test)
     * for the error rate. A change beyond the tolerance that is not significant is INCONCLUSIVE.
     */
    @Parameter(property = "perf.significance", defaultValue = "0.05")
    private double significance;

    /**
     * The load-test metrics compared, comma-separated: {@code p50}, {@code p95}, {@code p99} (latency
     * percentiles), {@code throughput}, {@code errorRate}. A {@code <rule>} may choose others for some tests.
     * All by default: the median decides a short run, the tails join in where there are requests enough
     * beyond them (see {@code minTailSamples}). In an open-model test (an arrival rate) throughput is never
     * gated, because the schedule sets it; the share of dropped arrivals is, with the error rate's tolerance.
     */
    @Parameter(property = "perf.metrics", defaultValue = "p50,p95,p99,throughput,errorRate")
    private String metrics;

    /**
     * Settings for some tests or operations that override the ones above, e.g. a wider tolerance for a
     * noisy endpoint. The last matching rule wins; a field a rule leaves out keeps the goal's value.
     * Each {@code <rule>} holds:
     * <ul>
     * <li>{@code tests} (required): comma-separated test id patterns, {@code *} for any text, e.g. {@code SearchLoadIT.*};</li>
     * <li>{@code operations}: comma-separated operation name patterns, {@code (total)} for the total; default every operation;</li>
     * <li>{@code tolerancePercent}, {@code latencyFloorMillis}, {@code errorRateTolerancePoints},
     * {@code minTailSamples}, {@code significance}: as the goal's parameters of those names;</li>
     * <li>{@code metrics}: as {@code metrics}, e.g. {@code p50,errorRate}.</li>
     * </ul>
     * <pre>
     * &lt;rules&gt;
     *   &lt;rule&gt;
     *     &lt;tests&gt;SearchLoadIT.*&lt;/tests&gt;
     *     &lt;operations&gt;GET /search&lt;/operations&gt;
     *     &lt;tolerancePercent&gt;25&lt;/tolerancePercent&gt;
     *   &lt;/rule&gt;
     * &lt;/rules&gt;
     * </pre>
     */
    @Parameter
    private List<GateRule> rules;

    /**
     * The tolerances {@code perf:calibrate} sized from unchanged runs, one per metric of each operation. A
     * calibrated metric is judged with its own tolerance and no latency floor, in place of the settings
     * above and the rules; the others keep those. Default: {@code calibration/tolerances.json} in the
     * baseline folder. The gate uses it when the file exists.
     */
    @Parameter(property = "perf.calibrationFile")
    private File calibrationFile;

    /**
     * When this build started: a build that ran the tests gates only the results written since, and warns
     * about the others (left by an earlier run of a test this build did not run).
     */
    @Parameter(defaultValue = "${session.request.startTime}", readonly = true)
    private Date buildStarted;

    /** The goals and phases this build was asked for: whether it ran the tests, or only this gate. */
    @Parameter(defaultValue = "${session.goals}", readonly = true)
    private List<String> goals;

    /** The goal's own settings, validated. */
    GateSettings gateSettings() throws MojoExecutionException {
        try {
            return new GateSettings(tolerancePercent, latencyFloorMillis, errorRateTolerancePoints, minTailSamples, significance,
                    Metric.parseList(metrics));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("perf-maven-plugin configuration: " + e.getMessage(), e);
        }
    }

    /**
     * The settings for each test and operation: {@code gate}, the rules over it and, with
     * {@code calibrated}, the calibrated tolerances over those.
     */
    GateRules gateRules(GateSettings gate, boolean calibrated) throws MojoExecutionException {
        GateRules configured = ConfiguredRules.of(gate, rules);
        if (!calibrated) {
            return configured;
        }
        Calibration calibration;
        try {
            calibration = CalibrationFile.readIfPresent(calibrationFile());
        } catch (InvalidResultFileException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (calibration != null) {
            getLog().info("perfgate: " + calibration.metrics().size() + " metric(s) judged with the tolerances calibrated "
                    + calibration.calibratedAt() + " in " + calibrationFile());
        }
        return CalibratedRules.over(configured, calibration);
    }

    /** The calibration file: the configured one, else the baseline folder's. */
    Path calibrationFile() {
        return calibrationFile != null ? calibrationFile.toPath() : CalibrationFile.in(baselineDirectory());
    }

    /** This goal's name, as a user types it after {@code perf:}. */
    abstract String goal();

    /** The result files this build wrote, after a warning for each one an earlier run left. */
    List<Path> freshResultFiles() throws MojoExecutionException {
        List<Path> files = resultFiles();
        List<Path> stale = ResultsOfThisBuild.stale(files, buildStarted, goals);
        for (Path file : stale) {
            getLog().warn("perfgate: ignoring " + file + ": an earlier run wrote it (" + ResultsOfThisBuild.writtenAt(file)
                    + "), before this build started, so its test did not run now. Run the test to gate it, or delete the file"
                    + " (mvn clean); mvn perf:" + goal() + " on its own takes every result there is");
        }
        return files.stream().filter(file -> !stale.contains(file)).toList();
    }
}
