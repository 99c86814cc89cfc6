package dev.perfgate.core.compare;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;

/**
 * Names the operations behind a total that regressed: those whose same metric moved the worse way,
 * most first. A regressed total alone tells the reader that something got slower, not where to look.
 *
 * <pre>{@code
 * OperationsThatMoved.of(Metric.P95_LATENCY, baseline, current); // "moved most: list +22.5 %, view +4.1 %"
 * }</pre>
 */
final class OperationsThatMoved {

    private static final int SHOWN = 3;

    private OperationsThatMoved() {
    }

    /** The remark for a regressed total of {@code metric}, or an empty string when the run has no operation that moved that way. */
    static String of(Metric metric, LoadTestResult baseline, LoadTestResult current) {
        List<Map.Entry<String, Double>> worse = current.operations().entrySet().stream()
                .filter(op -> baseline.operations().containsKey(op.getKey()))
                .map(op -> Map.entry(op.getKey(), worsePercent(metric, baseline.operations().get(op.getKey()), op.getValue())))
                .filter(moved -> moved.getValue() > 0)
                .sorted(Comparator.comparing(Map.Entry<String, Double>::getValue).reversed())
                .toList();
        if (worse.isEmpty()) {
            return "";
        }
        return "moved most: " + worse.stream().limit(SHOWN).map(moved -> moved.getKey() + " " + metric.formatChange(
                metric.valueOf(baseline.operations().get(moved.getKey())), metric.valueOf(current.operations().get(moved.getKey()))))
                .collect(Collectors.joining(", "));
    }

    /** The change of {@code metric} from {@code before} to {@code now}, positive when worse: percent, or points for the error rate. */
    private static double worsePercent(Metric metric, OperationResult before, OperationResult now) {
        double from = metric.valueOf(before);
        double to = metric.valueOf(now);
        double change = metric == Metric.ERROR_RATE ? (to - from) * 100 : Metric.relativeChangePercent(from, to);
        return metric.higherIsWorse() ? change : -change;
    }
}
