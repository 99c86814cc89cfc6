package dev.perfgate.junit;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.OpenLoadPlan;
import dev.perfgate.core.engine.ResultOfRun;
import dev.perfgate.core.engine.RunPlan;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.SideBySideResult;
import dev.perfgate.core.result.TrialFigures;
import dev.perfgate.core.result.TrialResult;
import dev.perfgate.core.time.ReadableDuration;

/**
 * A {@link SideBySide} run: for each instance, a container of each version (the class's own first,
 * fresh ones after) warms up in alternating slices ({@link WarmUpSlices}), then its share of the pairs of trials runs in the order drawn from the
 * seed, one version under load at a time, the same plan for both. Stops at the first trial that was
 * stopped or aborted (a container died, the JVM is shutting down) or instance that did not start,
 * keeping the pairs done. A container that either version depends on and that stopped does not stop
 * the run, as for a run alone: it is told after the run ({@link #dependencyDeathNotice()}).
 */
final class PairedRun {

    private final LoadTestSettings settings;
    private final SideBySideSettings sideBySide;
    private final RunningApp candidate;
    private final RunningApp reference;
    private final AppUnderTest candidateApp;
    private final String candidateName;
    private final String referenceName;
    private final RunPlan trialPlan;
    private final List<TrialResult> done = new ArrayList<>();
    private final List<String> deadDependencies = new ArrayList<>();
    private int pairsDone;
    private WatchedRun.Outcome last;
    private WatchedRun.Outcome lastCandidate;
    private SideBySideResult trials;

    PairedRun(LoadTestSettings settings, SideBySideSettings sideBySide, RunningApp candidate, AppUnderTest candidateApp,
            RunningApp reference, String owner) {
        this.settings = settings;
        this.sideBySide = sideBySide;
        this.candidate = candidate;
        this.reference = reference;
        this.candidateApp = candidateApp;
        this.candidateName = candidateApp.describe();
        this.referenceName = candidateApp.reference().describe();
        this.trialPlan = TrialPlan.of(settings.plan(), sideBySide.trial(), owner);
    }

    /** The settings the result is judged with: the plan of one trial, with the test's warm-up. */
    LoadTestSettings resultSettings() {
        return settings.withPlan(withWarmUpOf(trialPlan, settings.plan()));
    }

    /**
     * Runs the warm-ups and the trials; the outcome holds the last measured trial of this build (or,
     * when none was, of the reference) and why the run stopped early ({@code null}: it ran its course).
     */
    WatchedRun.Outcome run(RunStop stop) {
        long seed = sideBySide.seed() != 0 ? sideBySide.seed() : new SecureRandom().nextLong() | 1;
        Random order = new Random(seed);
        String stopped = null;
        for (int instance = 0; instance < sideBySide.instances() && stopped == null; instance++) {
            if (instance > 0 && stop.reason() != null) { // stopped between instances: start no more containers
                stopped = stop.reason();
                break;
            }
            try (InstancePair versions = instance == 0 ? InstancePair.of(reference, candidate, candidateApp) : startInstance(instance)) {
                stopped = runInstance(versions, instance, order, stop);
                String dead = versions.dependencyDeathNotice(); // asked now: a further instance's containers stop after this block
                if (dead != null) {
                    deadDependencies.add(dead);
                }
            } catch (AppStartException e) {
                stopped = "instance " + (instance + 1) + " of " + sideBySide.instances() + " did not start, after " + pairsDone
                        + " pairs: " + e.getMessage();
            }
        }
        trials = new SideBySideResult(referenceName, candidateName, seed, ReadableDuration.format(sideBySide.trial()), done,
                sideBySide.interleaved());
        WatchedRun.Outcome shown = lastCandidate != null && stopped == null ? lastCandidate : last; // the first instance measures always
        return new WatchedRun.Outcome(shown.measured(), null, stopped, null, null);
    }

    /** Warms up {@code versions} and runs their share of the pairs; why the run must stop, or {@code null}. */
    private String runInstance(InstancePair versions, int instance, Random order, RunStop stop) {
        if (sideBySide.interleaved()) {
            return runInterleaved(versions, instance, order, stop);
        }
        last = warmUp(versions, instance, stop);
        for (int each = 0; each < sideBySide.pairsOn(instance) && completed(last); each++, pairsDone++) {
            boolean referenceFirst = order.nextBoolean();
            for (int position = 0; position < 2 && completed(last); position++) {
                boolean isReference = (position == 0) == referenceFirst;
                String version = isReference ? SideBySideResult.REFERENCE : SideBySideResult.CANDIDATE;
                last = trial(isReference ? versions.reference() : versions.candidate(), trialPlan, stop,
                        label(instance, (pairsDone + 1) + version));
                if (completed(last)) {
                    done.add(ResultOfRun.trial(pairsDone, instance, version, position, last.measured()));
                    lastCandidate = isReference ? lastCandidate : last;
                }
            }
        }
        return whyStopped(versions, stop);
    }

    /**
     * As {@link #runInstance}, each pair one trial whose users send their requests to both versions in turn, after a
     * warm-up run the same way that lasts both versions' warm-ups together (each version gets as many requests as
     * when they warm up apart, and neither idles while the other warms up).
     */
    private String runInterleaved(InstancePair versions, int instance, Random order, RunStop stop) {
        Duration warmUp = settings.plan().warmUp().multipliedBy(2);
        last = null;
        if (!warmUp.isZero()) {
            last = interleavedTrial(versions, TrialPlan.warmUp(settings.plan(), warmUp, settings.testId()), order.nextLong(), stop,
                    label(instance, "warm-up A and B")).get(1);
        }
        for (int each = 0; each < sideBySide.pairsOn(instance) && completed(last); each++, pairsDone++) {
            List<WatchedRun.Outcome> ab = interleavedTrial(versions, trialPlan, order.nextLong(), stop, label(instance, (pairsDone + 1) + " A and B"));
            last = ab.get(1);
            if (completed(ab.get(0)) && completed(last)) {
                done.add(ResultOfRun.trial(pairsDone, instance, SideBySideResult.REFERENCE, 0, ab.get(0).measured()));
                done.add(ResultOfRun.trial(pairsDone, instance, SideBySideResult.CANDIDATE, 0, last.measured()));
                lastCandidate = last;
            }
        }
        return whyStopped(versions, stop);
    }

    /** Why the instance's last trial did not complete (the run's stop first, else the trial's own reason), or {@code null}. */
    private String whyStopped(InstancePair versions, RunStop stop) {
        return completed(last) ? null : stopReason(stop.reason() != null ? stop.reason() : last.stopReason(), versions);
    }

    private List<WatchedRun.Outcome> interleavedTrial(InstancePair versions, RunPlan plan, long seed, RunStop stop, String label) {
        return WatchedRun.runInterleaved(settings.withPlan(plan), List.of(versions.reference(), versions.candidate()), seed, stop,
                ProgressReporter.fromProperty(settings.testId() + " [" + label + ", B shown]"));
    }

    private InstancePair startInstance(int instance) {
        Console.say(settings.testId() + ": starting instance " + (instance + 1) + " of " + sideBySide.instances()
                + " of each version");
        return InstancePair.start(candidateApp);
    }

    /** Why the run stopped early, naming the version whose container died when one did. */
    private String stopReason(String reason, InstancePair versions) {
        String died = versions.deathNotice();
        return died != null ? died : reason;
    }

    /**
     * {@code null} when every container that either version depends on ran to the end of its instance's trials;
     * else which stopped, naming the version, how, and their log tails. A reference that lost its database
     * answers faster or fails, and its pairs then read as a change of this build.
     */
    String dependencyDeathNotice() {
        return deadDependencies.isEmpty() ? null : String.join("\n", deadDependencies);
    }

    /** {@code judged}, the result of the last trial, with the candidate's figures over all trials and the trials themselves. */
    LoadTestResult result(LoadTestResult judged) {
        return TrialFigures.candidateResult(judged, trials, sideBySide.trial().toNanos() / 1e9);
    }

    /** The one-line description of the run for the build log, e.g. {@code "side by side with image app:1.4: 10 pairs of 5s trials, order AB BA ... (seed 42)"}. */
    String describe() {
        return "side by side with " + referenceName + ": " + trials.describeTrials();
    }

    private WatchedRun.Outcome warmUp(InstancePair versions, int instance, RunStop stop) {
        WatchedRun.Outcome outcome = null;
        for (WarmUpSlices slice : WarmUpSlices.of(settings.plan().warmUp(), instance)) {
            boolean isReference = SideBySideResult.REFERENCE.equals(slice.version());
            outcome = trial(isReference ? versions.reference() : versions.candidate(), TrialPlan.warmUp(settings.plan(), slice.length(),
                    settings.testId()), stop, label(instance, "warm-up " + slice.version()));
            if (!completed(outcome)) {
                return outcome;
            }
        }
        return outcome;
    }

    /** A trial's name on the progress line, e.g. {@code "3B"} or, with several instances, {@code "instance 2, 3B"}. */
    private String label(int instance, String trial) {
        return sideBySide.instances() == 1 ? trial : "instance " + (instance + 1) + ", " + trial;
    }

    private WatchedRun.Outcome trial(RunningApp app, RunPlan plan, RunStop stop, String label) {
        return WatchedRun.run(settings.withPlan(plan), app, stop, ProgressReporter.fromProperty(settings.testId() + " [" + label + "]"),
                false);
    }

    private static boolean completed(WatchedRun.Outcome outcome) {
        return outcome == null || (outcome.stopReason() == null && outcome.measured().completed());
    }

    /** {@code plan} with the warm-up of {@code test}'s plan: its length and its rate or users. */
    private static RunPlan withWarmUpOf(RunPlan plan, RunPlan test) {
        return plan instanceof LoadPlan closed ? closed.withWarmUp(test.warmUp(), ((LoadPlan) test).warmUpUsers())
                : ((OpenLoadPlan) plan).withWarmUp(test.warmUp(), ((OpenLoadPlan) test).warmUpPerSecond());
    }
}
