package dev.perfgate.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.perfgate.core.time.ReadableRate;

/**
 * When the arrivals of an open-model run are due: a sequence of {@link RateStage}s, each at a
 * constant rate or ramping linearly between two rates. Arrival {@code i} (0-based) is due at the
 * time the integral of the rate reaches {@code i}, so the arrivals are evenly spaced at a constant
 * rate (the first at time zero) and their count over any interval is the integral of the rate
 * over it, rounded. Immutable and thread-safe.
 *
 * <pre>{@code
 * ArrivalSchedule steady = ArrivalSchedule.constant(200, Duration.ofSeconds(10));
 * ArrivalSchedule ramp = ArrivalSchedule.ramp(50, 400, Duration.ofSeconds(20));
 * ArrivalSchedule stages = ArrivalSchedule.constant(100, Duration.ofSeconds(10))
 *         .thenRampTo(300, Duration.ofSeconds(5))
 *         .thenConstant(300, Duration.ofSeconds(10));
 * }</pre>
 */
public final class ArrivalSchedule {

    /** Highest rate a stage may call for, in arrivals per second. */
    public static final double MAX_RATE_PER_SECOND = 100_000;

    /** Most arrivals a schedule may call for in all, so that every run ends by count as well as by time. */
    public static final long MAX_ARRIVALS = 1_000_000_000L;

    /** What {@link #dueNanos(long)} returns for an arrival beyond the end of the schedule. */
    public static final long NOT_DUE = -1;

    private final List<RateStage> stages;
    /** Nanoseconds from the schedule's start to the start of each stage, and to its end as the last element. */
    private final long[] stageStartNanos;
    /** The integral of the rate from the schedule's start to the start of each stage, and to its end. */
    private final double[] arrivalsBeforeStage;

    private ArrivalSchedule(List<RateStage> stages) {
        if (stages == null || stages.isEmpty()) {
            throw new IllegalArgumentException("stages: none given; give at least one, e.g. "
                    + "ArrivalSchedule.constant(200, Duration.ofSeconds(10))");
        }
        this.stages = List.copyOf(stages);
        stageStartNanos = new long[stages.size() + 1];
        arrivalsBeforeStage = new double[stages.size() + 1];
        for (int i = 0; i < stages.size(); i++) {
            RateStage stage = stages.get(i);
            stageStartNanos[i + 1] = Math.addExact(stageStartNanos[i], stage.duration().toNanos());
            arrivalsBeforeStage[i + 1] = arrivalsBeforeStage[i] + stage.expectedArrivals();
        }
        double total = arrivalsBeforeStage[stages.size()];
        if (total < 1) {
            throw new IllegalArgumentException("stages: " + describe() + " call for no arrival; give a rate above zero, e.g. "
                    + "ArrivalSchedule.constant(200, Duration.ofSeconds(10))");
        }
        if (total > MAX_ARRIVALS) {
            throw new IllegalArgumentException("stages: " + describe() + " call for " + (long) total + " arrivals, more than "
                    + MAX_ARRIVALS + "; shorten the run or lower the rate, e.g. 1000/s for 10m");
        }
    }

    /** Arrivals at {@code perSecond} for {@code duration}. */
    public static ArrivalSchedule constant(double perSecond, Duration duration) {
        return of(List.of(RateStage.constant(perSecond, duration)));
    }

    /**
     * The schedule {@code text} states over {@code duration}: a constant rate ({@code "50/s"}) or a
     * ramp from one rate to another ({@code "10/s..100/s"}).
     *
     * @throws IllegalArgumentException naming {@code where}, the value and the valid forms
     */
    public static ArrivalSchedule parse(String text, Duration duration, String where) {
        String value = text == null ? "" : text.strip();
        int range = value.indexOf("..");
        try {
            if (range < 0) {
                return constant(ReadableRate.parse(value, where), duration);
            }
            return ramp(ReadableRate.parse(value.substring(0, range), where), ReadableRate.parse(value.substring(range + 2), where),
                    duration);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not an arrival rate; use a rate (\"50/s\") or a ramp"
                    + " (\"10/s..100/s\"): " + e.getMessage(), e);
        }
    }

    /** Arrivals at a rate going linearly from {@code fromPerSecond} to {@code toPerSecond} over {@code duration}. */
    public static ArrivalSchedule ramp(double fromPerSecond, double toPerSecond, Duration duration) {
        return of(List.of(new RateStage(fromPerSecond, toPerSecond, duration)));
    }

    /** The stages in order. */
    public static ArrivalSchedule of(List<RateStage> stages) {
        return new ArrivalSchedule(stages);
    }

    /** This schedule followed by {@code duration} at {@code perSecond}. */
    public ArrivalSchedule thenConstant(double perSecond, Duration duration) {
        return then(RateStage.constant(perSecond, duration));
    }

    /** This schedule followed by a ramp from its final rate to {@code toPerSecond} over {@code duration}. */
    public ArrivalSchedule thenRampTo(double toPerSecond, Duration duration) {
        return then(new RateStage(finalPerSecond(), toPerSecond, duration));
    }

    private ArrivalSchedule then(RateStage next) {
        List<RateStage> longer = new ArrayList<>(stages);
        longer.add(next);
        return new ArrivalSchedule(longer);
    }

    /** The stages in order. */
    public List<RateStage> stages() {
        return stages;
    }

    /** The length of the whole schedule. */
    public Duration duration() {
        return Duration.ofNanos(stageStartNanos[stages.size()]);
    }

    /** The rate at the start, in arrivals per second. */
    public double initialPerSecond() {
        return stages.get(0).fromPerSecond();
    }

    /** The rate at the end, in arrivals per second. */
    public double finalPerSecond() {
        return stages.get(stages.size() - 1).toPerSecond();
    }

    /** The highest rate anywhere in the schedule, in arrivals per second. */
    public double peakPerSecond() {
        return stages.stream().mapToDouble(s -> Math.max(s.fromPerSecond(), s.toPerSecond())).max().orElseThrow();
    }

    /** The integral of the rate over the whole schedule. */
    public double expectedArrivals() {
        return arrivalsBeforeStage[stages.size()];
    }

    /**
     * The integral of the rate over the first {@code elapsed} of the schedule (0 to {@link #duration()};
     * longer counts as the whole schedule). The arrivals due in that time are this, rounded up.
     */
    public double expectedArrivalsWithin(Duration elapsed) {
        long nanos = elapsed.toNanos();
        if (nanos >= stageStartNanos[stages.size()]) {
            return expectedArrivals();
        }
        int stage = 0;
        while (stageStartNanos[stage + 1] <= nanos) {
            stage++;
        }
        return arrivalsBeforeStage[stage] + stages.get(stage).arrivalsWithin((nanos - stageStartNanos[stage]) / 1e9);
    }

    /**
     * Nanoseconds after the start of the schedule at which arrival {@code arrival} (0-based) is due, or
     * {@link #NOT_DUE} when the schedule ends before it. Increasing in {@code arrival}.
     */
    public long dueNanos(long arrival) {
        if (arrival < 0 || arrival >= expectedArrivals()) {
            return NOT_DUE;
        }
        int stage = stageOf(arrival);
        double seconds = stages.get(stage).secondsUntil(arrival - arrivalsBeforeStage[stage]);
        long due = stageStartNanos[stage] + Math.round(seconds * 1e9);
        // Rounding must not move an arrival out of its stage.
        return Math.min(Math.max(due, stageStartNanos[stage]), stageStartNanos[stage + 1] - 1);
    }

    /** The stage in which the integral of the rate reaches {@code arrival}: the last one starting at or below it. */
    private int stageOf(double arrival) {
        int low = 0;
        int high = stages.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (arrivalsBeforeStage[middle] <= arrival) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /**
     * This schedule after a lead-in of {@code warmUp} at {@code warmUpPerSecond}: the timeline of a run
     * whose warm-up comes first (no arrival in the warm-up when that rate is zero).
     */
    ArrivalSchedule afterLeadIn(Duration warmUp, double warmUpPerSecond) {
        if (warmUp.isZero()) {
            return this;
        }
        List<RateStage> longer = new ArrayList<>();
        longer.add(RateStage.constant(warmUpPerSecond, warmUp));
        longer.addAll(stages);
        return new ArrivalSchedule(longer);
    }

    /** The stages as people read them, e.g. {@code "100/s for 10s, then 100/s to 300/s over 5s"}. */
    public String describe() {
        return stages.stream().map(RateStage::toString).collect(Collectors.joining(", then "));
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArrivalSchedule that && stages.equals(that.stages);
    }

    @Override
    public int hashCode() {
        return stages.hashCode();
    }
}
