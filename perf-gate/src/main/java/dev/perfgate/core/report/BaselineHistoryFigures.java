package dev.perfgate.core.report;

import static dev.perfgate.core.report.ShownNumbers.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.perfgate.core.compare.ResultComparator;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;

/**
 * The HTML report's part for a test's baseline history: each committed version's p50 and p95 per
 * operation, newest first, below this build's, and how far the p50 moved from the oldest version to
 * the newest. A gate compares with the last baseline only, so many small accepted changes add up
 * unseen; this table shows the drift.
 */
final class BaselineHistoryFigures {

    static final String TITLE = "Baseline history (shown, not gated)";

    private BaselineHistoryFigures() {
    }

    /** The part for {@code test}, or {@code null} when its baseline has no history. */
    static ShownSection of(ReportedTest test) {
        List<BaselineVersion> history = test.history();
        if (history.isEmpty()) {
            return null;
        }
        Map<String, Function<LoadTestResult, OperationResult>> views = views(test.current());
        List<String> head = new ArrayList<>(List.of("version", "recorded"));
        List<ShownSection.Group> groups = new ArrayList<>(List.of(new ShownSection.Group("", 2)));
        views.keySet().forEach(name -> {
            groups.add(new ShownSection.Group(name, 2));
            head.addAll(List.of("p50 (ms)", "p95 (ms)"));
        });
        List<ShownSection.Row> rows = new ArrayList<>();
        rows.add(row("now", "this build", BaselineVersion.dayOf(test.current().startedAt()), test.current(), views));
        for (BaselineVersion version : history) {
            rows.add(row(version.commit(), version.shortCommit(), version.day(), version.baseline(), views));
        }
        List<String> notes = new ArrayList<>();
        notes.add("The committed baseline as each commit left it, newest first (git log of its file: " + history.size()
                + (history.size() == 1 ? " version)." : " versions)."));
        if (history.size() > 1) {
            BaselineVersion newest = history.get(0);
            BaselineVersion oldest = history.get(history.size() - 1);
            views.forEach((name, operation) -> drift(name, operation, oldest, newest, history.size()).ifPresent(notes::add));
        }
        return ShownSection.of("history", TITLE, notes, groups, head, rows, List.of());
    }

    /** The total, then each operation; a test of one operation shows it once. */
    private static Map<String, Function<LoadTestResult, OperationResult>> views(LoadTestResult current) {
        Map<String, Function<LoadTestResult, OperationResult>> views = new LinkedHashMap<>();
        if (current.operations().size() == 1) {
            String only = current.operations().keySet().iterator().next();
            views.put(only, result -> result.operations().getOrDefault(only, result.total()));
            return views;
        }
        views.put(ResultComparator.TOTAL, LoadTestResult::total);
        current.operations().keySet().forEach(name -> views.put(name, result -> result.operations().get(name)));
        return views;
    }

    private static ShownSection.Row row(String key, String label, String day, LoadTestResult result,
            Map<String, Function<LoadTestResult, OperationResult>> views) {
        List<String> cells = new ArrayList<>(List.of(label, day));
        views.values().forEach(view -> {
            OperationResult operation = view.apply(result);
            cells.add(format(operation == null || operation.latencyMs() == null ? null : operation.latencyMs().p50()));
            cells.add(format(operation == null || operation.latencyMs() == null ? null : operation.latencyMs().p95()));
        });
        return new ShownSection.Row(key, cells);
    }

    private static Optional<String> drift(String name, Function<LoadTestResult, OperationResult> view, BaselineVersion oldest,
            BaselineVersion newest, int versions) {
        OperationResult before = view.apply(oldest.baseline());
        OperationResult after = view.apply(newest.baseline());
        if (before == null || after == null || before.latencyMs() == null || after.latencyMs() == null) {
            return Optional.empty();
        }
        double was = before.latencyMs().p50();
        double is = after.latencyMs().p50();
        return Optional.of("p50 of " + name + ": " + format(was) + " ms at " + oldest.shortCommit() + " (" + oldest.day() + "), "
                + format(is) + " ms at " + newest.shortCommit() + " (" + newest.day() + "): " + ShownNumbers.change(was, is) + " over "
                + versions + " accepted baselines.");
    }
}
