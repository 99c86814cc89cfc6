package dev.perfgate.core.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.perfgate.core.stats.RankTestPower;
import dev.perfgate.core.stats.TheilSen;

/**
 * The smallest change of an operation's median that the gate could confirm, from the spread of the
 * run's windows: against a run as noisy as this one, a one-sided rank test across the windows at the
 * gate's significance, with 80 % power. A change smaller than this passes whatever the tolerance says,
 * so "passed" never hides "could not tell". It assumes the next run is as steady as this one; a
 * whole run slowed by its machine is a larger noise than any window shows.
 *
 * <pre>{@code
 * DetectableChange.describe(result, 0.05); // "the gate could confirm p50 changes of about 3 % (greeting), 18 % (list)"
 * }</pre>
 */
public final class DetectableChange {

    /** The gate's significance unless a build sets another. */
    public static final double DEFAULT_SIGNIFICANCE = 0.05;

    private DetectableChange() {
    }

    /**
     * The smallest relative change, in percent, of {@code operation}'s median that its windows' spread lets the gate
     * confirm at {@code significance}; {@code NaN} when fewer than {@value RankTestPower#MIN_MEASUREMENTS}
     * windows had a successful request.
     */
    public static double percentOf(OperationResult operation, double significance) {
        double[] medians = operation.windowMedians();
        if (medians.length < RankTestPower.MIN_MEASUREMENTS) {
            return Double.NaN;
        }
        double centre = TheilSen.median(medians);
        if (centre <= 0) {
            return Double.NaN;
        }
        double spread = Math.sqrt(RankTestPower.variance(medians));
        return RankTestPower.detectableShift(spread, medians.length, significance) / centre * 100;
    }

    /**
     * One line for a test's log, e.g. {@code "the gate could confirm p50 changes of about 3 % (greeting), 18 % (list)
     * from the spread of this run's windows"}: each operation, or the total when there is one only. An
     * operation with fewer than {@value RankTestPower#MIN_MEASUREMENTS} windows with a response reads "none".
     */
    public static String describe(LoadTestResult result, double significance) {
        Map<String, OperationResult> operations = result.operations().size() <= 1 ? Map.of(OperationResult.TOTAL, result.total())
                : new TreeMap<>(result.operations());
        List<String> parts = new ArrayList<>();
        boolean someTooFew = false;
        for (Map.Entry<String, OperationResult> operation : operations.entrySet()) {
            double percent = percentOf(operation.getValue(), significance);
            someTooFew |= Double.isNaN(percent);
            String size = Double.isNaN(percent) ? "none" : String.format(Locale.ROOT, "%.0f %%", Math.max(1, Math.ceil(percent)));
            parts.add(operations.size() == 1 ? size : size + " (" + operation.getKey() + ")");
        }
        return "the gate could confirm p50 changes of about " + String.join(", ", parts) + " from the spread of this run's windows"
                + " (significance " + significance + ", 80 % power)" + (someTooFew ? "; none: fewer than "
                + RankTestPower.MIN_MEASUREMENTS + " windows had a response" : "");
    }
}
