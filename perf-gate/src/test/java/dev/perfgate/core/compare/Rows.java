package dev.perfgate.core.compare;

import java.util.List;

/** Picks the rows a comparison test asserts on. */
final class Rows {

    private Rows() {
    }

    /** The rows whose verdict is REGRESSED. */
    static List<MetricComparison> regressed(List<MetricComparison> rows) {
        return rows.stream().filter(row -> row.verdict() == Verdict.REGRESSED).toList();
    }

    /** The row of {@code operation}'s {@code metric}; fails when there is none. */
    static MetricComparison row(List<MetricComparison> rows, String operation, Metric metric) {
        return rows.stream().filter(r -> r.operation().equals(operation) && r.metric() == metric).findFirst().orElseThrow();
    }
}
