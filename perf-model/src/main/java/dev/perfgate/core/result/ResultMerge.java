package dev.perfgate.core.result;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import org.HdrHistogram.Histogram;

/**
 * The results of the parts of a distributed run added up into the one result the gate, the SLOs and
 * the report read, without loss: histograms are added (so every percentile is the one of all the
 * requests together), counts and throughputs summed, windows and seconds merged one by one from the
 * histograms each part kept. The parts ran one plan on one shared start, so their windows and seconds
 * line up.
 *
 * <pre>{@code
 * List<LoadTestResult> parts = files.stream().map(ResultFiles::read).toList();
 * LoadTestResult whole = ResultMerge.of(parts);
 * }</pre>
 */
public final class ResultMerge {

    private ResultMerge() {
    }

    /**
     * The whole run the {@code parts} are parts of: its status the worst of theirs (with every reason
     * given), its start the earliest part's, its generator cost their sum; no segment.
     *
     * @throws IllegalArgumentException when the parts are not each part of one run exactly once, are of
     *                                  different tests or plans, or lack the histograms a part keeps
     */
    public static LoadTestResult of(List<LoadTestResult> parts) {
        List<LoadTestResult> sorted = requireWholeRun(parts);
        LoadTestResult first = sorted.get(0);
        Map<String, List<OperationResult>> byName = new TreeMap<>();
        for (LoadTestResult part : sorted) {
            part.operations().forEach((name, figures) -> byName.computeIfAbsent(name, n -> new ArrayList<>()).add(figures));
        }
        Map<String, OperationResult> operations = new TreeMap<>();
        byName.forEach((name, figures) -> operations.put(name, operation(figures, name, sorted)));
        OperationResult total = operation(sorted.stream().map(LoadTestResult::total).toList(), OperationResult.TOTAL, sorted);
        return new LoadTestResult(LoadTestResult.SCHEMA_VERSION, first.testId(), status(sorted), statusReason(sorted),
                sorted.stream().map(LoadTestResult::startedAt).min(Comparator.naturalOrder()).orElseThrow(), first.plan(),
                first.environment(), iterations(sorted), total, operations, null, null, seconds(sorted), stages(sorted), null, null,
                first.testClass(), generator(sorted), null);
    }

    private static List<LoadTestResult> requireWholeRun(List<LoadTestResult> parts) {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("parts: none given; a distributed run needs the result of each of its parts");
        }
        List<LoadTestResult> sorted = new ArrayList<>(parts);
        for (LoadTestResult part : sorted) {
            if (part.segment() == null) {
                throw new IllegalArgumentException("result of " + part.testId() + " is a whole run, not a part of one; "
                        + "merge only results written by the parts of a distributed run");
            }
        }
        sorted.sort(Comparator.comparingInt(part -> part.segment().index()));
        LoadTestResult first = sorted.get(0);
        int count = first.segment().count();
        for (int i = 0; i < sorted.size(); i++) {
            LoadTestResult part = sorted.get(i);
            if (part.segment().count() != count || part.segment().index() != i) {
                throw new IllegalArgumentException("parts: " + describe(sorted) + " are not each of the " + count
                        + " parts once; a part is missing or given twice");
            }
            if (!part.testId().equals(first.testId()) || !Objects.equals(part.plan(), first.plan())) {
                throw new IllegalArgumentException("parts: " + part.segment() + " ran " + part.testId() + " " + part.plan()
                        + ", but " + first.segment() + " ran " + first.testId() + " " + first.plan()
                        + "; the parts of a run share its test and plan");
            }
        }
        if (sorted.size() != count) {
            throw new IllegalArgumentException("parts: " + describe(sorted) + " are " + sorted.size() + " of " + count
                    + " parts; a part is missing");
        }
        return sorted;
    }

    private static String describe(List<LoadTestResult> parts) {
        return parts.stream().map(part -> part.segment().toString()).toList().toString();
    }

    /** One operation's figures over every part that called it; {@code name} for errors. */
    private static OperationResult operation(List<OperationResult> figures, String name, List<LoadTestResult> parts) {
        Histogram latency = new Histogram(LatencySummary.HIGHEST_TRACKABLE_MICROS, 3);
        long requests = 0;
        long errors = 0;
        double throughput = 0;
        Map<String, Long> byKind = new TreeMap<>();
        String checkFailure = null;
        for (OperationResult part : figures) {
            latency.add(HistogramCodec.decode(part.histogram()));
            requests += part.requests();
            errors += part.errors();
            throughput += part.throughputPerSecond();
            part.errorsByKind().forEach((kind, count) -> byKind.merge(kind, count, Long::sum));
            checkFailure = checkFailure != null ? checkFailure : part.checkFailure();
        }
        return new OperationResult(requests, errors, byKind, requests == 0 ? 0 : (double) errors / requests,
                hundredths(throughput), LatencySummary.of(latency), HistogramCodec.encode(latency), windows(figures, name, parts),
                checkFailure);
    }

    /** Window {@code i} of the whole run: window {@code i} of every part that has it, added up. */
    private static List<WindowResult> windows(List<OperationResult> figures, String name, List<LoadTestResult> parts) {
        int count = figures.stream().mapToInt(part -> part.windows().size()).max().orElse(0);
        List<WindowResult> windows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Sum sum = new Sum();
            for (OperationResult part : figures) {
                if (i < part.windows().size()) {
                    WindowResult window = part.windows().get(i);
                    sum.add(kept(window.histogram(), "window " + (i + 1) + " of '" + name + "'", parts), window.requests(),
                            window.errors(), window.throughputPerSecond());
                }
            }
            windows.add(new WindowResult(sum.requests, sum.errors, hundredths(sum.throughput), sum.millis(50), sum.millis(95),
                    sum.millis(99)));
        }
        return windows;
    }

    /** Every second any part recorded, in order, added up across the parts that recorded it. */
    private static List<SecondFigures> seconds(List<LoadTestResult> parts) {
        Map<Integer, List<SecondFigures>> bySecond = new TreeMap<>();
        for (LoadTestResult part : parts) {
            part.timeSeries().forEach(second -> bySecond.computeIfAbsent(second.second(), s -> new ArrayList<>()).add(second));
        }
        List<SecondFigures> seconds = new ArrayList<>(bySecond.size());
        bySecond.forEach((second, figures) -> {
            Sum sum = new Sum();
            int active = 0;
            for (SecondFigures part : figures) {
                sum.add(kept(part.histogram(), "second " + second, parts), part.requests(), part.errors(), 0);
                active += part.active();
            }
            seconds.add(new SecondFigures(second, figures.get(0).warmUp(), sum.requests, sum.errors, sum.millis(50), sum.millis(95),
                    sum.millis(99), active));
        });
        return seconds;
    }

    /**
     * The stages of a staged run, each added up across the parts from the histograms they kept; {@code null}
     * when the run had none. Only the stages' own report is kept: a pattern's verdicts are refused with workers.
     */
    private static StageReport stages(List<LoadTestResult> parts) {
        if (parts.get(0).stages() == null) {
            return null;
        }
        List<StepResult> first = parts.get(0).stages().steps();
        List<StepResult> steps = new ArrayList<>(first.size());
        for (int i = 0; i < first.size(); i++) {
            Sum sum = new Sum();
            for (LoadTestResult part : parts) {
                StepResult step = part.stages() == null || part.stages().steps().size() <= i ? null : part.stages().steps().get(i);
                if (step == null) {
                    throw new IllegalArgumentException("stage " + (i + 1) + " of " + part.testId() + " is missing from "
                            + part.segment() + "; the parts of a run share its stages");
                }
                sum.add(kept(step.histogram(), "stage " + (i + 1), parts), step.requests(), step.errors(), step.throughputPerSecond());
            }
            StepResult shape = first.get(i);
            steps.add(new StepResult(shape.index(), shape.load(), shape.startSecond(), shape.seconds(), sum.requests, sum.errors,
                    sum.requests == 0 ? 0 : (double) sum.errors / sum.requests, hundredths(sum.throughput), sum.millis(50),
                    sum.millis(95), sum.millis(99), null, List.of()));
        }
        return StageReport.stages(steps);
    }

    /** One window, second or stage added up across the parts: latencies by their histograms, counts and rates summed. */
    private static final class Sum {
        private final Histogram latency = new Histogram(2);
        private long requests;
        private long errors;
        private double throughput;

        void add(Histogram partLatency, long partRequests, long partErrors, double partThroughput) {
            latency.add(partLatency);
            requests += partRequests;
            errors += partErrors;
            throughput += partThroughput;
        }

        /** The {@code percentile} of the successes' latencies together, ms; 0 when none succeeded. */
        double millis(double percentile) {
            return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private static Histogram kept(String histogram, String what, List<LoadTestResult> parts) {
        if (histogram == null) {
            throw new IllegalArgumentException(what + " of " + parts.get(0).testId() + " has no histogram in one of the parts; "
                    + "merge only results written by the parts of a distributed run");
        }
        return HistogramCodec.decode(histogram);
    }

    private static ResultStatus status(List<LoadTestResult> parts) {
        return parts.stream().map(LoadTestResult::status).max(Comparator.comparingInt(ResultMerge::severity)).orElseThrow();
    }

    private static int severity(ResultStatus status) {
        return switch (status) {
            case PASSED -> 0;
            case FAILED -> 1;
            case ABORTED -> 2;
        };
    }

    /** Each part's reason, named by its part: "part 2 of 4: ...; part 3 of 4: ...". */
    private static String statusReason(List<LoadTestResult> parts) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (LoadTestResult part : parts) {
            if (part.statusReason() != null) {
                reasons.put(part.segment().toString(), part.statusReason());
            }
        }
        if (reasons.isEmpty()) {
            return null;
        }
        List<String> each = new ArrayList<>();
        reasons.forEach((part, reason) -> each.add(part + ": " + reason));
        return String.join("; ", each);
    }

    private static IterationResult iterations(List<LoadTestResult> parts) {
        if (parts.stream().anyMatch(part -> part.iterations() == null)) {
            return null;
        }
        return new IterationResult(sum(parts, part -> part.iterations().started()),
                sum(parts, part -> part.iterations().scheduled()), sum(parts, part -> part.iterations().dropped()),
                hundredths(parts.stream().mapToDouble(part -> part.iterations().startedPerSecond()).sum()),
                hundredths(parts.stream().mapToDouble(part -> part.iterations().scheduledPerSecond()).sum()));
    }

    /**
     * The generators' cost together: CPU seconds and cores used add up, the cost per request is over all
     * requests. The cores are the most any worker could use: workers on one machine share its cores.
     */
    private static GeneratorResult generator(List<LoadTestResult> parts) {
        if (parts.stream().anyMatch(part -> part.generator() == null)) {
            return null;
        }
        double cpuSeconds = parts.stream().mapToDouble(part -> part.generator().cpuSeconds()).sum();
        double coresUsed = parts.stream().mapToDouble(part -> part.generator().coresUsed()).sum();
        long requests = sum(parts, part -> part.total().requests());
        return new GeneratorResult(thousandths(cpuSeconds), thousandths(coresUsed),
                requests == 0 ? 0 : Math.round(cpuSeconds * 1e6 / requests * 10) / 10.0,
                parts.stream().mapToInt(part -> part.generator().cores()).max().orElseThrow());
    }

    private static long sum(List<LoadTestResult> parts, Function<LoadTestResult, Long> figure) {
        return parts.stream().mapToLong(figure::apply).sum();
    }

    private static double hundredths(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static double thousandths(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
