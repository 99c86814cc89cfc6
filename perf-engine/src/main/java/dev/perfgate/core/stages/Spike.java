package dev.perfgate.core.stages;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.perfgate.core.engine.ArrivalSchedule;
import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.OpenLoadPlan;
import dev.perfgate.core.engine.ResultOfRun;
import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.engine.RunPlan;
import dev.perfgate.core.result.SecondFigures;
import dev.perfgate.core.engine.UserSchedule;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.StageReport;
import dev.perfgate.core.result.StepResult;

/**
 * A spike: a base load, a sudden peak, the base load again (three stages), reporting how long the
 * service took to recover. The <em>baseline</em> is the p95 of the first stage's successful requests.
 * The <em>recovery time</em> is the time from the end of the spike to the start of the first second
 * (of the series, whole seconds from the measured start) that begins {@value StageReport#RECOVERY_SECONDS}
 * seconds in a row (fewer when the run ends first) each with a success and a p95 at most
 * {@code baseline x (1 + tolerance)}. Resolution: one second. A recovery of 0 means the first second
 * after the spike was already back.
 *
 * @param plan      three stages: base, peak, base
 * @param tolerance how far above the baseline p95 counts as recovered, e.g. 0.2 for 20 %
 */
public record Spike(RunPlan plan, double tolerance) implements StageProfile {

    /** Default {@link #tolerance()}: 20 %. */
    public static final double DEFAULT_TOLERANCE = 0.2;

    public Spike {
        if (plan == null || plan.stageLengths().size() != 3) {
            throw new IllegalArgumentException("plan: a spike has three stages (base, peak, base), e.g. Spike.users(2, 40, "
                    + "Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(20)); got "
                    + (plan == null ? "none" : plan.stageLengths().size() + " stage(s)"));
        }
        if (!(tolerance > 0 && tolerance <= 10)) {
            throw new IllegalArgumentException("tolerance: " + tolerance + " is out of range; use more than 0 up to 10, e.g. 0.2 for 20 %");
        }
    }

    /** A closed-model spike: {@code base} users for {@code before}, {@code peak} for {@code spike}, {@code base} for {@code after}. */
    public static Spike users(int base, int peak, Duration before, Duration spike, Duration after) {
        return new Spike(LoadPlan.of(UserSchedule.hold(base, before).thenHold(peak, spike).thenHold(base, after)), DEFAULT_TOLERANCE);
    }

    /** An open-model spike: arrivals at {@code base} per second, then {@code peak}, then {@code base}. */
    public static Spike rate(double base, double peak, Duration before, Duration spike, Duration after) {
        return new Spike(OpenLoadPlan.of(ArrivalSchedule.constant(base, before).thenConstant(peak, spike).thenConstant(base, after)),
                DEFAULT_TOLERANCE);
    }

    /** A copy with another plan of three stages (e.g. with a warm-up or think time). */
    public Spike withPlan(RunPlan newPlan) {
        return new Spike(newPlan, tolerance);
    }

    /** A copy with another tolerance. */
    public Spike withTolerance(double newTolerance) {
        return new Spike(plan, newTolerance);
    }

    @Override
    public StageReport report(RunMeasurements measured) {
        List<StepResult> steps = ResultOfRun.steps(plan, measured);
        double baseline = ResultOfRun.part(measured.stages().total(), 0, 1).latencyMs().p95();
        double limit = baseline * (1 + tolerance);
        double spikeEnd = (plan.stageLengths().get(0).toNanos() + plan.stageLengths().get(1).toNanos()) / 1e9;
        Double recovery = recoverySeconds(measured.seconds(), spikeEnd, limit);
        String verdict = recovery == null
                ? String.format(Locale.ROOT, "not recovered: p95 not back within %.0f %% of the baseline %.2f ms for %d s in a row"
                        + " before the run ended", tolerance * 100, baseline, StageReport.RECOVERY_SECONDS)
                : String.format(Locale.ROOT, "recovered %.0f s after the spike (p95 within %.0f %% of the baseline %.2f ms)", recovery,
                        tolerance * 100, baseline);
        return new StageReport("spike", steps, verdict, baseline, tolerance, recovery, null, null, null, null, null);
    }

    /** Seconds from {@code spikeEnd} to the first second starting there or later that begins a recovered run; null if none. */
    static Double recoverySeconds(List<SecondFigures> seconds, double spikeEnd, double limit) {
        List<SecondFigures> after = seconds.stream().filter(s -> !s.warmUp() && s.second() >= spikeEnd - 1e-9).toList();
        for (int i = 0; i < after.size(); i++) {
            int end = Math.min(after.size(), i + StageReport.RECOVERY_SECONDS);
            boolean recovered = true;
            for (int j = i; j < end && recovered; j++) {
                recovered = after.get(j).successes() > 0 && after.get(j).p95() <= limit;
            }
            if (recovered) {
                return after.get(i).second() - spikeEnd;
            }
        }
        return null;
    }
}
