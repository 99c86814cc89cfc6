package dev.perfgate.core.stages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import dev.perfgate.core.engine.ArrivalSchedule;
import dev.perfgate.core.engine.LiveRun;
import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.OpenLoadPlan;
import dev.perfgate.core.engine.ResultOfRun;
import dev.perfgate.core.engine.RunListener;
import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.engine.RunPlan;
import dev.perfgate.core.engine.StageWindows;
import dev.perfgate.core.engine.UserSchedule;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.SloJudge;
import dev.perfgate.core.result.StageReport;
import dev.perfgate.core.result.StepResult;
import dev.perfgate.core.slo.SloCheck;
import dev.perfgate.core.slo.SloReport;
import dev.perfgate.core.slo.SloThreshold;

/**
 * A step-up stress run: steps of increasing users (or arrival rate), each held for a step duration,
 * each judged on its own requests against the SLOs (as {@link SloReport} judges a whole run). The run
 * stops at the first step that misses one ({@link #watcher()}: it judges each step
 * {@value #SETTLE_MILLIS} ms after the step ended, then calls {@link LiveRun#stop()}). The report
 * judges every step again on all its requests: the <em>breaking point</em> is the load of the highest
 * step before the first that missed an SLO, which is named with the SLOs it missed.
 *
 * @param plan one stage per step, in increasing load
 * @param slos the objectives each step must meet, at least one
 */
public record StepStress(RunPlan plan, List<SloThreshold> slos) implements StageProfile {

    /** How long after a step's end the watcher judges it, so that most of its requests have completed. */
    public static final long SETTLE_MILLIS = 250;

    public StepStress {
        if (plan == null) {
            throw new IllegalArgumentException("plan: none given; give one, e.g. StepStress.users(1, 1, 5, Duration.ofSeconds(10), slos)");
        }
        if (slos == null || slos.isEmpty()) {
            throw new IllegalArgumentException("slos: none given; a stress run breaks at the first step that misses one, e.g. "
                    + "SloThreshold.parse(SloThreshold.TOTAL, SloMetric.P95, \"300ms\", \"stress\")");
        }
        slos = List.copyOf(slos);
    }

    /** Closed model: {@code steps} steps of {@code first}, {@code first + step}, ... users, each held for {@code stepDuration}. */
    public static StepStress users(int first, int step, int steps, Duration stepDuration, List<SloThreshold> slos) {
        requireSteps(steps, step);
        UserSchedule schedule = UserSchedule.hold(first, stepDuration);
        for (int i = 1; i < steps; i++) {
            schedule = schedule.thenHold(first + i * step, stepDuration);
        }
        return new StepStress(LoadPlan.of(schedule), slos);
    }

    /** Open model: {@code steps} steps of {@code first}, {@code first + step}, ... arrivals per second, each for {@code stepDuration}. */
    public static StepStress rate(double first, double step, int steps, Duration stepDuration, List<SloThreshold> slos) {
        requireSteps(steps, step);
        ArrivalSchedule schedule = ArrivalSchedule.constant(first, stepDuration);
        for (int i = 1; i < steps; i++) {
            schedule = schedule.thenConstant(first + i * step, stepDuration);
        }
        return new StepStress(OpenLoadPlan.of(schedule), slos);
    }

    private static void requireSteps(int steps, double step) {
        if (steps < 1 || steps > 1_000 || !(step > 0)) {
            throw new IllegalArgumentException("steps: " + steps + " steps of +" + step + " is not a stress run; use 1 to 1000 steps"
                    + " of an increase above zero, e.g. 5 steps of +2");
        }
    }

    /** A copy with another plan (e.g. with a warm-up or think time): one stage per step. */
    public StepStress withPlan(RunPlan newPlan) {
        return new StepStress(newPlan, slos);
    }

    @Override
    public RunListener watcher() {
        return live -> {
            Thread thread = new Thread(() -> watch(live), "perfgate-stress-watcher");
            thread.setDaemon(true);
            thread.start();
        };
    }

    /** Judges each step shortly after it ended and stops the run at the first that missed an SLO. */
    private void watch(LiveRun live) {
        StageWindows stages = live.stages();
        List<Duration> lengths = plan.stageLengths();
        long end = live.measuredStartNanos();
        try {
            for (int step = 0; step < lengths.size() - 1 && !live.stopped(); step++) {
                end += lengths.get(step).toNanos();
                long remaining = end + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS) - System.nanoTime();
                if (remaining > 0) {
                    TimeUnit.NANOSECONDS.sleep(remaining);
                }
                if (!judge(stages, step).breaches().isEmpty()) {
                    live.stop();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Step {@code step} of {@code stages} against the SLOs, on its own requests. */
    SloReport judge(StageWindows stages, int step) {
        double seconds = stages.lengths().get(step).toNanos() / 1e9;
        OperationResult total = ResultOfRun.part(stages.total(), step, seconds);
        Map<String, OperationResult> operations = new TreeMap<>();
        stages.byOperation().forEach((name, series) -> operations.put(name, ResultOfRun.part(series, step, seconds)));
        return SloJudge.judge(slos, total, operations, ResultStatus.PASSED);
    }

    @Override
    public StageReport report(RunMeasurements measured) {
        List<StepResult> steps = new ArrayList<>(ResultOfRun.steps(plan, measured));
        Integer broken = null;
        List<String> brokenBy = List.of();
        for (int i = 0; i < steps.size(); i++) {
            StepResult step = steps.get(i);
            if (broken != null || step.requests() == 0) {
                continue;
            }
            List<String> breaches = judge(measured.stages(), i).breaches().stream().map(SloCheck::describe).toList();
            steps.set(i, step.judged(breaches.isEmpty(), breaches));
            if (!breaches.isEmpty()) {
                broken = i;
                brokenBy = breaches;
            }
        }
        String breakingPoint = broken == null || broken == 0 ? null : loadOf(broken - 1);
        String verdict;
        if (broken == null) {
            verdict = "no breaking point: every step held, up to " + loadOf(steps.size() - 1);
        } else if (broken == 0) {
            verdict = "broke at the first step, " + loadOf(0) + ": " + String.join("; ", brokenBy);
        } else {
            verdict = String.format(Locale.ROOT, "breaking point %s; %s broke: %s", breakingPoint, loadOf(broken),
                    String.join("; ", brokenBy));
        }
        return new StageReport("stress", steps, verdict, null, null, null, breakingPoint, broken, brokenBy, null, null);
    }

    /** The load of step {@code step}, e.g. {@code "3 users"} or {@code "80/s"}. */
    String loadOf(int step) {
        if (plan instanceof OpenLoadPlan open) {
            double rate = open.arrivals().stages().get(step).toPerSecond();
            return String.format(Locale.ROOT, rate == Math.rint(rate) ? "%.0f/s" : "%.2f/s", rate);
        }
        return ((LoadPlan) plan).schedule().stages().get(step).toUsers() + " users";
    }
}
