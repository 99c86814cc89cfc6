package dev.perfgate.core.compare;

import java.util.Locale;

import dev.perfgate.core.stats.MannWhitney;
import dev.perfgate.core.stats.RankTestPower;

/**
 * Confirms a change beyond the tolerance on repeated measurements of both runs, a load test's
 * windows or a benchmark's iterations: the change counts only when a one-sided Mann-Whitney U test
 * finds the current values shifted the worse (or better) way at the gate's significance. Otherwise
 * it is INCONCLUSIVE, with how many measurements per run a change of this size would need.
 *
 * <pre>{@code
 * Decision d = new RepeatedMeasurements("windows", "re-record it", "run longer").confirm(Metric.P95_LATENCY, base, now, Verdict.REGRESSED, 10.0, 12.5, gate);
 * }</pre>
 */
final class RepeatedMeasurements {

    /** Fewer measurements per run than this cannot reach significance 0.05 with a rank test. */
    static final int MIN_MEASUREMENTS = RankTestPower.MIN_MEASUREMENTS;

    private final String plural;
    private final String tooFewRemedy;
    private final String remedy;

    /**
     * @param plural       what one measurement is called, plural, e.g. {@code "windows"}
     * @param tooFewRemedy what to do when a run has fewer than {@value #MIN_MEASUREMENTS}
     * @param remedy       what gives more of them, e.g. {@code "run longer"}
     */
    RepeatedMeasurements(String plural, String tooFewRemedy, String remedy) {
        this.plural = plural;
        this.tooFewRemedy = tooFewRemedy;
        this.remedy = remedy;
    }

    /**
     * Confirms or withholds {@code byEffect} (REGRESSED or IMPROVED, as the tolerance judged the move
     * of the central value from {@code before} to {@code after}) on the measurements {@code base} and {@code now}.
     */
    Decision confirm(GatedMetric metric, double[] base, double[] now, Verdict byEffect, double before, double after,
            GateSettings gate) {
        if (base.length < MIN_MEASUREMENTS || now.length < MIN_MEASUREMENTS) {
            String which = base.length < MIN_MEASUREMENTS ? "the baseline" : "this run";
            return new Decision(Verdict.INCONCLUSIVE, which + " has " + Math.min(base.length, now.length) + " " + plural
                    + ", fewer than " + MIN_MEASUREMENTS + ": " + tooFewRemedy);
        }
        boolean worse = byEffect == Verdict.REGRESSED;
        // "Worse" is larger for latency and time per operation, smaller for throughput.
        boolean larger = worse == metric.higherIsWorse();
        double p = larger ? MannWhitney.pValueGreater(base, now) : MannWhitney.pValueGreater(now, base);
        if (p < gate.significance()) {
            return new Decision(byEffect, "p=" + formatP(p));
        }
        return new Decision(Verdict.INCONCLUSIVE, "p=" + formatP(p) + " > " + formatP(gate.significance())
                + " across " + now.length + " " + plural + needed(base, now, Math.abs(after - before), gate));
    }

    /** How many measurements per run a change this size would need to reach significance with 80 % power. */
    private String needed(double[] base, double[] now, double effect, GateSettings gate) {
        double spread = Math.sqrt((RankTestPower.variance(base) + RankTestPower.variance(now)) / 2);
        if (effect == 0 || spread == 0) {
            return "";
        }
        long needed = RankTestPower.measurementsNeeded(spread, effect, gate.significance());
        return needed <= now.length ? "" : "; about " + needed + " " + plural + " per run would tell (" + remedy + ")";
    }

    static String formatP(double p) {
        return p >= 0.001 ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.1e", p);
    }
}
