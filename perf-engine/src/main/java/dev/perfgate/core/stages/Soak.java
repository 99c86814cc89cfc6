package dev.perfgate.core.stages;

import java.time.Duration;
import java.util.ArrayList;
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
import dev.perfgate.core.result.StageReport;
import dev.perfgate.core.result.StepResult;
import dev.perfgate.core.stats.TheilSen;

/**
 * A soak: a long constant load, reporting the <em>drift</em> of the latency, so that a slow leak shows.
 * The measured seconds with a success are grouped into at most {@value #MAX_WINDOWS} equal windows
 * (one second each for runs up to 10 minutes); each window's p95 is the median of its seconds' p95s,
 * placed at the mean of their midpoints. The drift is the Theil-Sen slope of those points (the median
 * of the slopes between every pair: robust against a few noisy seconds), in ms per minute, and as a
 * percentage: the slope times the span of the points, over the fitted p95 at the first point.
 *
 * @param plan the load; usually one stage
 */
public record Soak(RunPlan plan) implements StageProfile {

    /** Most points the slope is fitted to: the Theil-Sen estimate costs the square of this. */
    public static final int MAX_WINDOWS = 600;

    public Soak {
        if (plan == null) {
            throw new IllegalArgumentException("plan: none given; give one, e.g. Soak.users(20, Duration.ofMinutes(30))");
        }
    }

    /** {@code users} users for {@code duration}. */
    public static Soak users(int users, Duration duration) {
        return new Soak(LoadPlan.of(UserSchedule.hold(users, duration)));
    }

    /** Arrivals at {@code perSecond} for {@code duration}. */
    public static Soak rate(double perSecond, Duration duration) {
        return new Soak(OpenLoadPlan.of(ArrivalSchedule.constant(perSecond, duration)));
    }

    @Override
    public StageReport report(RunMeasurements measured) {
        return report(ResultOfRun.steps(plan, measured), measured.seconds());
    }

    /** The report of {@code steps} with the drift drawn from {@code seconds}: the figures alone, no run. */
    static StageReport report(List<StepResult> steps, List<SecondFigures> seconds) {
        double[][] points = windows(seconds);
        if (points[0].length < 2) {
            return new StageReport("soak", steps, "no drift: fewer than 2 seconds with a success", null, null, null, null, null, null,
                    null, null);
        }
        double slopePerSecond = TheilSen.slope(points[0], points[1]);
        double[] residuals = new double[points[0].length];
        for (int i = 0; i < residuals.length; i++) {
            residuals[i] = points[1][i] - slopePerSecond * points[0][i];
        }
        double intercept = TheilSen.median(residuals);
        double first = points[0][0];
        double span = points[0][points[0].length - 1] - first;
        double startLevel = intercept + slopePerSecond * first;
        double perMinute = round(slopePerSecond * 60);
        Double percent = startLevel <= 0 ? null : round(slopePerSecond * span / startLevel * 100);
        String verdict = String.format(Locale.ROOT, "p95 drift %+.2f ms/min", perMinute)
                + (percent == null ? "" : String.format(Locale.ROOT, " (%+.1f %% over the run)", percent));
        return new StageReport("soak", steps, verdict, null, null, null, null, null, null, perMinute, percent);
    }

    /** {x (seconds since the measured start), y (p95 ms)} of each window. */
    static double[][] windows(List<SecondFigures> seconds) {
        List<SecondFigures> measured = seconds.stream().filter(s -> !s.warmUp() && s.successes() > 0).toList();
        int width = Math.max(1, (measured.size() + MAX_WINDOWS - 1) / MAX_WINDOWS);
        List<double[]> points = new ArrayList<>();
        for (int from = 0; from < measured.size(); from += width) {
            List<SecondFigures> window = measured.subList(from, Math.min(measured.size(), from + width));
            double x = window.stream().mapToDouble(s -> s.second() + 0.5).average().orElseThrow();
            points.add(new double[] {x, TheilSen.median(window.stream().mapToDouble(SecondFigures::p95).toArray())});
        }
        return new double[][] {points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray()};
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
