package dev.perfgate.core.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.perfgate.core.result.SideBySideResult;
import dev.perfgate.core.result.TrialResult;
import dev.perfgate.core.stats.TheilSen;

/**
 * Whether the apps of a side-by-side run were still getting faster during its trials: each version's
 * median latency on each instance in its first quarter of pairs against its last quarter. A JVM whose
 * JIT is still compiling the request path is measured while its speed moves, and the pairs are noisier
 * for it: on the sample app, pairs measured in the first seconds after a 10 s warm-up spread about
 * 6 %, pairs of the same app once steady about 1 % (bench/RESULTS.md, "Steady pairs: the noise was the
 * JIT"). A warning, not a verdict: the pairs still cancel what both versions share; the run only pays in noise.
 *
 * <pre>{@code
 * WarmUpDrift.of(result.sideBySide()).ifPresent(drift -> log.warn(drift.describe(result.testId())));
 * }</pre>
 *
 * @param firstMs the median, over each instance and version, of the p50 latency of its first quarter of pairs
 * @param lastMs  the same over its last quarter of pairs
 */
public record WarmUpDrift(double firstMs, double lastMs) {

    /** How much faster the last pairs may be than the first before the run counts as still warming up: {@value}. */
    public static final double LIMIT = 0.10;
    /** The pairs an instance needs for its first and last quarters to be apart: {@value}. */
    static final int MIN_PAIRS = 4;

    /**
     * The drift of {@code run}, when its last pairs were faster than its first by more than {@link #LIMIT};
     * empty when they were not, or when no instance ran {@value #MIN_PAIRS} pairs.
     */
    public static Optional<WarmUpDrift> of(SideBySideResult run) {
        List<Double> firsts = new ArrayList<>();
        List<Double> lasts = new ArrayList<>();
        for (int instance = 0; instance < run.instances(); instance++) {
            for (String version : List.of(SideBySideResult.REFERENCE, SideBySideResult.CANDIDATE)) {
                double[] medians = mediansInPairOrder(run, instance, version);
                if (medians.length >= MIN_PAIRS) {
                    int quarter = medians.length / 4;
                    firsts.add(TheilSen.median(Arrays.copyOfRange(medians, 0, quarter)));
                    lasts.add(TheilSen.median(Arrays.copyOfRange(medians, medians.length - quarter, medians.length)));
                }
            }
        }
        if (firsts.isEmpty()) {
            return Optional.empty();
        }
        WarmUpDrift drift = new WarmUpDrift(median(firsts), median(lasts));
        return drift.change() < -LIMIT ? Optional.of(drift) : Optional.empty();
    }

    /** The change from the first pairs to the last, e.g. {@code -0.23} for 23 % faster. */
    public double change() {
        return lastMs / firstMs - 1;
    }

    /** The warning for the build log, naming {@code testId}, the figures and what to do. */
    public String describe(String testId) {
        return String.format(Locale.ROOT, "%s: the apps were still getting faster during the side-by-side trials: their median latency"
                + " went from %.3f ms in each instance's first pairs to %.3f ms in its last (%+.0f %%). Pairs measured while the JIT"
                + " still compiles are noisier, and the change they show is of two moving targets: give @LoadTest(warmUp) more"
                + " requests, e.g. \"30s with 4 users\", until the first and last pairs read alike.",
                testId, firstMs, lastMs, 100 * change());
    }

    private static double[] mediansInPairOrder(SideBySideResult run, int instance, String version) {
        return run.trials().stream()
                .filter(trial -> trial.instance() == instance && version.equals(trial.version()) && trial.total() != null
                        && trial.total().requests() > trial.total().errors()) // a trial without a success has no latency
                .sorted(Comparator.comparingInt(TrialResult::pair))
                .mapToDouble(trial -> trial.total().latencyMs().p50())
                .toArray();
    }

    private static double median(List<Double> values) {
        return TheilSen.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
