package dev.perfgate.core.check;

import java.util.List;
import java.util.stream.Collectors;

import dev.perfgate.core.compare.MetricComparison;

/**
 * Marks the rows of a test measured on another machine or JVM than its baseline, in the NOTE column
 * of the table and reports, e.g. {@code "another environment: cores 4 -> 16"}: a verdict across
 * environments may owe nothing to the code.
 *
 * <pre>{@code
 * rows = OtherEnvironment.mark(rows, List.of("cores 4 -> 16"));
 * }</pre>
 */
public final class OtherEnvironment {

    private static final String PREFIX = "another environment: ";

    private OtherEnvironment() {
    }

    /** {@code rows} with the remark added when {@code differences} is not empty. */
    public static List<MetricComparison> mark(List<MetricComparison> rows, List<String> differences) {
        if (differences.isEmpty()) {
            return rows;
        }
        String remark = PREFIX + String.join(", ", differences);
        return rows.stream().map(row -> row.withRemark(remark)).collect(Collectors.toList());
    }
}
