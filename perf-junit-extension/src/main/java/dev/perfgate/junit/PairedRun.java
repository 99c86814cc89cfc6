package dev.perfgate.junit;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.OpenLoadPlan;
import dev.perfgate.core.engine.RunPlan;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.SideBySideResult;
import dev.perfgate.core.result.TrialFigures;
import dev.perfgate.core.result.TrialResult;
import dev.perfgate.core.time.ReadableDuration;

/**
 * A {@link SideBySide} run: each version warms up, then the pairs of trials run in the order drawn
 * from the seed, one version under load at a time, the same plan for both. Stops at the first trial
 * that was stopped or aborted (a container died, the JVM is shutting down), keeping the pairs done.
 */
final class PairedRun {

    private final LoadTestSettings settings;
    private final SideBySideSettings sideBySide;
    private final RunningApp candidate;
    private final RunningApp reference;
    private final String candidateName;
    private final String referenceName;
    private final RunPlan trialPlan;
    private SideBySideResult trials;

    PairedRun(LoadTestSettings settings, SideBySideSettings sideBySide, RunningApp candidate, AppUnderTest candidateApp,
            RunningApp reference, String owner) {
        this.settings = settings;
        this.sideBySide = sideBySide;
        this.candidate = candidate;
        this.reference = reference;
        this.candidateName = candidateApp.describe();
        this.referenceName = candidateApp.reference().describe();
        this.trialPlan = TrialPlan.of(settings.plan(), sideBySide.trial(), owner);
    }

    /** The settings the result is judged with: the plan of one trial, with the test's warm-up. */
    LoadTestSettings resultSettings() {
        return settings.withPlan(withWarmUp(trialPlan, settings.plan().warmUp()));
    }

    /**
     * Runs the warm-ups and the trials; the outcome holds the last measured trial of this build (or,
     * when none was, of the reference) and why the run stopped early ({@code null}: it ran its course).
     */
    WatchedRun.Outcome run(RunStop stop) {
        long seed = sideBySide.seed() != 0 ? sideBySide.seed() : new SecureRandom().nextLong() | 1;
        Random order = new Random(seed);
        List<TrialResult> done = new ArrayList<>();
        WatchedRun.Outcome last = warmUp(stop);
        WatchedRun.Outcome lastCandidate = null;
        for (int pair = 0; pair < sideBySide.pairs() && completed(last); pair++) {
            boolean referenceFirst = order.nextBoolean();
            for (int position = 0; position < 2; position++) {
                boolean isReference = (position == 0) == referenceFirst;
                String version = isReference ? SideBySideResult.REFERENCE : SideBySideResult.CANDIDATE;
                last = trial(isReference ? reference : candidate, trialPlan, stop, pair + 1 + version);
                if (!completed(last)) {
                    break;
                }
                done.add(TrialResult.of(pair, version, position, last.measured()));
                lastCandidate = isReference ? lastCandidate : last;
            }
        }
        trials = new SideBySideResult(referenceName, candidateName, seed, ReadableDuration.format(sideBySide.trial()),
                done);
        WatchedRun.Outcome shown = lastCandidate != null && completed(last) ? lastCandidate : last;
        return new WatchedRun.Outcome(shown.measured(), null, stopReason(stop.reason() != null ? stop.reason() : shown.stopReason()),
                null);
    }

    /** Why the run stopped early, naming the reference when it is the one that died (the result is this build's). */
    private String stopReason(String reason) {
        if (reason == null) {
            return null;
        }
        String died = reference.deathNotice();
        return died == null ? reason : "the reference version (" + referenceName + "): " + died;
    }

    /** {@code judged}, the result of the last trial, with the candidate's figures over all trials and the trials themselves. */
    LoadTestResult result(LoadTestResult judged) {
        return TrialFigures.candidateResult(judged, trials, sideBySide.trial().toNanos() / 1e9);
    }

    /** The one-line description of the trials for the build log, e.g. {@code "10 pairs of 5s, order AB BA ..., seed 42"}. */
    String describe() {
        return trials.pairs() + " pairs of " + trials.trial() + " side by side with " + referenceName + "; order " + trials.order()
                + " (seed " + trials.seed() + ")";
    }

    private WatchedRun.Outcome warmUp(RunStop stop) {
        Duration warmUp = settings.plan().warmUp();
        if (warmUp.isZero()) {
            return null;
        }
        RunPlan plan = TrialPlan.of(settings.plan(), warmUp, settings.testId());
        WatchedRun.Outcome outcome = trial(reference, plan, stop, "warm-up A");
        return completed(outcome) ? trial(candidate, plan, stop, "warm-up B") : outcome;
    }

    private WatchedRun.Outcome trial(RunningApp app, RunPlan plan, RunStop stop, String label) {
        return WatchedRun.run(settings.withPlan(plan), app, stop, ProgressReporter.fromProperty(settings.testId() + " [" + label + "]"),
                false);
    }

    private static boolean completed(WatchedRun.Outcome outcome) {
        return outcome == null || (outcome.stopReason() == null && outcome.measured().completed());
    }

    private static RunPlan withWarmUp(RunPlan plan, Duration warmUp) {
        return plan instanceof LoadPlan closed ? closed.withWarmUp(warmUp)
                : ((OpenLoadPlan) plan).withWarmUp(warmUp);
    }
}
