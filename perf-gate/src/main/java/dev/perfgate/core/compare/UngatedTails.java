package dev.perfgate.core.compare;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The latency percentiles of one test left out of the gate because too few requests lie beyond them,
 * said once for the test rather than in a row per percentile. A p99 of 900 requests rests on 9 of
 * them and moves by tens of percent from one run to the next: gating it would fail builds at random.
 *
 * <pre>{@code
 * UngatedTails tails = new UngatedTails();
 * if (!tails.admits(Metric.P99_LATENCY, "search", 17, gate)) { ... }
 * tails.row("SearchIT.search").ifPresent(rows::add);
 * }</pre>
 */
final class UngatedTails {

    private final Map<Metric, List<String>> operations = new EnumMap<>(Metric.class);
    private final Map<Metric, Long> requestsNeeded = new EnumMap<>(Metric.class);

    /**
     * Whether {@code metric} of {@code operation}, with {@code tail} successful requests beyond it, is
     * gated under {@code gate}; when it is not, it is remembered for {@link #row}. Other metrics always are.
     */
    boolean admits(Metric metric, String operation, long tail, GateSettings gate) {
        if (!metric.isPercentile() || tail >= gate.minTailSamples()) {
            return true;
        }
        operations.computeIfAbsent(metric, m -> new ArrayList<>()).add(operation + " (" + tail + ")");
        requestsNeeded.merge(metric, metric.requestsFor(gate.minTailSamples()), Math::max);
        return false;
    }

    /**
     * The one row that says which percentiles of {@code testId} were not gated, e.g. {@code "not gated,
     * too few requests beyond them: p99 of (total) (17), search (9); p99 needs 5000 requests: run longer"};
     * empty when every percentile was gated.
     */
    Optional<MetricComparison> row(String testId) {
        if (operations.isEmpty()) {
            return Optional.empty();
        }
        List<String> which = new ArrayList<>();
        List<String> needs = new ArrayList<>();
        operations.forEach((metric, names) -> {
            String key = metric.key();
            which.add(key + " of " + String.join(", ", names));
            needs.add(key + " " + requestsNeeded.get(metric));
        });
        String note = "not gated, too few successful requests beyond them (in brackets): " + String.join("; ", which)
                + "; a run needs about " + String.join(", ", needs) + " requests of an operation: run longer to gate them";
        return Optional.of(new MetricComparison(testId, ResultComparator.TOTAL, null, null, null, Verdict.INCONCLUSIVE, note));
    }
}
