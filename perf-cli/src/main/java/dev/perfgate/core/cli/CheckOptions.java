package dev.perfgate.core.cli;

import java.nio.file.Path;
import java.util.Set;

import dev.perfgate.core.check.CheckSettings;
import dev.perfgate.core.compare.GateSettings;
import dev.perfgate.core.compare.Metric;

/**
 * The options of {@code perfgate check}: where the results and baselines are, the gate's settings, and
 * where to write the reports. The settings and their defaults are those of {@code mvn verify}.
 *
 * <pre>{@code
 * CheckOptions options = CheckOptions.parse(new String[] {"--results", "build/perf-results", "--baselines", "baselines"});
 * }</pre>
 *
 * @param results             the folder of this build's result files
 * @param baselines           the folder of the committed baselines
 * @param gate                tolerance, floor, error-rate tolerance, tail samples, significance and metrics
 * @param discountSharedShift whether changes are judged beyond what the rest of the run shared
 * @param sharedShiftTolerancePercent the least tolerance where nothing compares
 * @param failOnMissingBaseline whether a result without a baseline fails the check
 * @param failOnMissingResult   whether a baseline without a result fails the check
 * @param report              where to write comparison.json, summary.md and junit.xml; {@code null} for none
 */
record CheckOptions(Path results, Path baselines, GateSettings gate, boolean discountSharedShift, double sharedShiftTolerancePercent,
        boolean failOnMissingBaseline, boolean failOnMissingResult, Path report) {

    static final String USAGE = """
            Usage: java -jar perfgate-cli.jar check --results DIR --baselines DIR [options]
              Compares every result file in --results with its baseline in --baselines, as mvn verify does,
              prints the table and exits 1 on a regression.
              --results DIR                 this build's result files, e.g. build/perf-results (required)
              --baselines DIR               the committed baselines, e.g. baselines (required)
              --tolerance PERCENT           change beyond which a metric regressed (default 10)
              --latency-floor-ms MS         latency change that always passes (default 1)
              --error-rate-tolerance PP     error-rate rise that passes, in percentage points (default 1)
              --min-tail-samples N          requests beyond a percentile needed to gate it (default 50)
              --significance P              significance of a change (default 0.05)
              --metrics LIST                gated metrics, e.g. p50,p95,throughput,errorRate (default: all)
              --shared-shift-tolerance PCT  least tolerance where nothing compares (default 30)
              --no-shared-shift             judge every metric against its baseline alone
              --fail-on-missing-baseline    a result without a baseline fails the check
              --fail-on-missing-result      a baseline without a result fails the check
              --report DIR                  also write comparison.json, summary.md and junit.xml there
            Exit codes: 0 no regression, 1 the gate failed, 2 wrong command line or unreadable file.""";

    static CheckOptions parse(String[] args) {
        Path results = null;
        Path baselines = null;
        GateSettings gate = GateSettings.DEFAULT;
        boolean discount = true;
        double sharedShift = CheckSettings.DEFAULT_SHARED_SHIFT_TOLERANCE_PERCENT;
        boolean failOnMissingBaseline = false;
        boolean failOnMissingResult = false;
        Path report = null;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--no-shared-shift" -> discount = false;
                case "--fail-on-missing-baseline" -> failOnMissingBaseline = true;
                case "--fail-on-missing-result" -> failOnMissingResult = true;
                default -> {
                    if (i + 1 >= args.length) {
                        throw new UsageException(option.startsWith("--") ? option + " needs a value" : "unknown argument '" + option + "'");
                    }
                    String value = args[++i];
                    switch (option) {
                        case "--results" -> results = Path.of(value);
                        case "--baselines" -> baselines = Path.of(value);
                        case "--report" -> report = Path.of(value);
                        case "--tolerance", "--latency-floor-ms", "--error-rate-tolerance", "--min-tail-samples", "--significance",
                                "--metrics" -> gate = withGateOption(option, value, gate);
                        case "--shared-shift-tolerance" -> sharedShift = number(option, value);
                        default -> throw new UsageException("unknown option '" + option + "'");
                    }
                }
            }
        }
        if (results == null || baselines == null) {
            throw new UsageException("check needs --results and --baselines, e.g. check --results build/perf-results --baselines baselines");
        }
        return new CheckOptions(results, baselines, gate, discount, sharedShift, failOnMissingBaseline, failOnMissingResult, report);
    }

    /** {@code gate} with the gate setting {@code option} set to {@code value}; a bad value is refused naming the option. */
    private static GateSettings withGateOption(String option, String value, GateSettings gate) {
        try {
            return switch (option) {
                case "--tolerance" -> gate.withTolerancePercent(number(option, value));
                case "--latency-floor-ms" -> gate.withLatencyFloorMillis(number(option, value));
                case "--error-rate-tolerance" -> new GateSettings(gate.tolerancePercent(), gate.latencyFloorMillis(), number(option, value),
                        gate.minTailSamples(), gate.significance(), gate.metrics());
                case "--min-tail-samples" -> new GateSettings(gate.tolerancePercent(), gate.latencyFloorMillis(),
                        gate.errorRateTolerancePoints(), (int) number(option, value), gate.significance(), gate.metrics());
                case "--significance" -> new GateSettings(gate.tolerancePercent(), gate.latencyFloorMillis(),
                        gate.errorRateTolerancePoints(), gate.minTailSamples(), number(option, value), gate.metrics());
                default -> gate.withMetrics(metrics(value));
            };
        } catch (UsageException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a number, e.g. " + option + " 10; got '" + value + "'");
        }
    }

    private static Set<Metric> metrics(String value) {
        try {
            return Metric.parseList(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--metrics: " + e.getMessage());
        }
    }
}
