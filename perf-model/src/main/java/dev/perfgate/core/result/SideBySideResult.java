package dev.perfgate.core.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The trials of a side-by-side run: the reference version of the application (A) and this build's
 * (B) measured in the same run, in pairs of short trials whose order within each pair was drawn at
 * random. The gate decides on the pairs' differences, so no figure from another day is needed.
 * See {@code docs/regression-detection.md} (Side by side).
 *
 * @param reference what A is, e.g. {@code "image perfgate-fixture:1.4"} or {@code "Dockerfile, BURN_MICROS=0"}
 * @param candidate what B is, e.g. {@code "Dockerfile"}
 * @param seed      the seed that drew each pair's order, to replay it
 * @param trial     each trial's measured duration, e.g. {@code "5s"}
 * @param trials    every trial in the order run
 * @param interleaved whether each pair was one trial whose users sent their requests to A and B in turn
 *                  ({@code false}: two trials, one version under load at a time; results written before it existed)
 */
public record SideBySideResult(String reference, String candidate, long seed, String trial, List<TrialResult> trials,
        boolean interleaved) {

    /** The version tag of the reference's trials. */
    public static final String REFERENCE = "A";
    /** The version tag of this build's trials. */
    public static final String CANDIDATE = "B";

    public SideBySideResult {
        trials = trials == null ? List.of() : List.copyOf(trials);
    }

    /** Trials of one version at a time: each pair two trials, in the order drawn. */
    public SideBySideResult(String reference, String candidate, long seed, String trial, List<TrialResult> trials) {
        this(reference, candidate, seed, trial, trials, false);
    }

    /** The number of complete pairs (both versions measured). */
    public int pairs() {
        return completePairs().size();
    }

    /** The complete pairs in order, each as {reference trial, candidate trial}. */
    public List<TrialResult[]> completePairs() {
        List<TrialResult[]> pairs = new ArrayList<>();
        int last = trials.stream().mapToInt(TrialResult::pair).max().orElse(-1);
        for (int pair = 0; pair <= last; pair++) {
            Optional<TrialResult> a = find(pair, REFERENCE);
            Optional<TrialResult> b = find(pair, CANDIDATE);
            if (a.isPresent() && b.isPresent()) {
                pairs.add(new TrialResult[] {a.get(), b.get()});
            }
        }
        return pairs;
    }

    /** The instances of each version the trials ran on (1 for a run without several). */
    public int instances() {
        return (int) Math.max(1, trials.stream().mapToInt(TrialResult::instance).distinct().count());
    }

    /**
     * The trials in words, for the build log, the gate and the report alike, e.g.
     * {@code "12 pairs of 2s trials on 4 instances of each version, order AB BA | BA AB ... (seed 42)"}.
     */
    public String describeTrials() {
        String instancesPart = instances() > 1 ? " on " + instances() + " instances of each version" : "";
        if (interleaved) {
            return pairs() + " pairs of " + trial + " trials" + instancesPart + ", each user's requests to A and B interleaved in an order"
                    + " drawn from seed " + seed;
        }
        return pairs() + " pairs of " + trial + " trials" + instancesPart + ", order " + order() + " (seed " + seed + ")";
    }

    /** The order of each pair as run, e.g. {@code "AB BA BA AB"}, instances apart: {@code "AB BA | BA AB"}. */
    public String order() {
        StringBuilder order = new StringBuilder();
        int current = -1;
        int instance = trials.isEmpty() ? 0 : trials.get(0).instance();
        for (TrialResult trial : trials) {
            if (trial.pair() != current && current >= 0) {
                order.append(trial.instance() != instance ? " | " : " ");
            }
            current = trial.pair();
            instance = trial.instance();
            order.append(trial.version());
        }
        return order.toString();
    }

    private Optional<TrialResult> find(int pair, String version) {
        return trials.stream().filter(t -> t.pair() == pair && t.version().equals(version)).findFirst();
    }
}
