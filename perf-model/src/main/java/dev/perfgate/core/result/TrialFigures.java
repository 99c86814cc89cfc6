package dev.perfgate.core.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.HdrHistogram.Histogram;

import dev.perfgate.core.time.ReadableDuration;

/**
 * One version's figures over all its side-by-side trials: requests and errors added up, latency
 * from the trials' histograms merged, and each trial as one window (so a result of trials can still
 * be compared window by window with a stored baseline).
 *
 * <pre>{@code
 * OperationResult candidate = TrialFigures.merge(candidateTrials, 5.0);
 * }</pre>
 */
public final class TrialFigures {

    private TrialFigures() {
    }

    /** The figures of {@code trials} (each of one operation, or totals), each measured for {@code trialSeconds}. */
    public static OperationResult merge(List<OperationResult> trials, double trialSeconds) {
        Histogram latency = new Histogram(LatencySummary.HIGHEST_TRACKABLE_MICROS, 3);
        long requests = 0;
        long errors = 0;
        Map<String, Long> byKind = new TreeMap<>();
        List<WindowResult> windows = new ArrayList<>();
        for (OperationResult trial : trials) {
            requests += trial.requests();
            errors += trial.errors();
            trial.errorsByKind().forEach((kind, count) -> byKind.merge(kind, count, Long::sum));
            if (!trial.histogram().isEmpty()) {
                latency.add(HistogramCodec.decode(trial.histogram()));
            }
            windows.add(new WindowResult(trial.requests(), trial.errors(), trial.throughputPerSecond(), trial.latencyMs().p50(),
                    trial.latencyMs().p95(), trial.latencyMs().p99()));
        }
        double seconds = trialSeconds * trials.size();
        return new OperationResult(requests, errors, byKind, requests == 0 ? 0 : (double) errors / requests,
                seconds <= 0 ? 0 : Math.round(requests / seconds * 100) / 100.0, LatencySummary.of(latency), HistogramCodec.encode(latency),
                windows);
    }

    /**
     * {@code result} with its figures replaced by those of this build's trials ({@value SideBySideResult#CANDIDATE}) in
     * {@code trials}, which it records; its time series and iteration figures, which held the last trial only, are dropped.
     */
    public static LoadTestResult candidateResult(LoadTestResult result, SideBySideResult trials, double trialSeconds) {
        return versionResult(result, trials, SideBySideResult.CANDIDATE, trialSeconds).withSideBySide(trials);
    }

    /**
     * The reference's side of a side-by-side {@code result}: the same result with the figures of the
     * reference's trials, e.g. to report both versions side by side.
     *
     * @throws IllegalArgumentException when {@code result} has no side-by-side trials
     */
    public static LoadTestResult referenceResult(LoadTestResult result) {
        if (result.sideBySide() == null) {
            throw new IllegalArgumentException(result.testId() + ": the result has no side-by-side trials");
        }
        double trialSeconds = ReadableDuration.parse(result.sideBySide().trial(), "sideBySide.trial").toNanos() / 1e9;
        return versionResult(result, result.sideBySide(), SideBySideResult.REFERENCE, trialSeconds);
    }

    private static LoadTestResult versionResult(LoadTestResult result, SideBySideResult trials, String version, double trialSeconds) {
        OperationResult total = merge(figures(trials, version, null), trialSeconds);
        Map<String, OperationResult> operations = new TreeMap<>();
        for (String name : operationNames(trials, version)) {
            operations.put(name, merge(figures(trials, version, name), trialSeconds));
        }
        return new LoadTestResult(result.schemaVersion(), result.testId(), result.status(), result.statusReason(), result.startedAt(),
                result.plan(), result.environment(), null, total, operations, result.slo(), result.resources(), List.of(),
                null, null, null);
    }

    private static List<OperationResult> figures(SideBySideResult trials, String version, String operation) {
        List<OperationResult> figures = new ArrayList<>();
        for (TrialResult trial : trials.trials()) {
            if (trial.version().equals(version)) {
                OperationResult one = operation == null ? trial.total() : trial.operations().get(operation);
                if (one != null) {
                    figures.add(one);
                }
            }
        }
        return figures;
    }

    private static TreeSet<String> operationNames(SideBySideResult trials, String version) {
        TreeSet<String> names = new TreeSet<>();
        trials.trials().stream().filter(t -> t.version().equals(version)).forEach(t -> names.addAll(t.operations().keySet()));
        return names;
    }
}
