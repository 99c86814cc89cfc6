package dev.perfgate.core.report;

import static dev.perfgate.core.report.ShownNumbers.change;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.perfgate.core.result.LoadTestResult;

/**
 * Builds one shown-not-gated part of the HTML report from the same figures of this run and of the
 * baseline, either of which may be absent: the notes that say which is, rows of the baseline's cells then
 * this run's then the change, and charts of both sides.
 *
 * @param <T> the figures, e.g. {@link dev.perfgate.core.result.ResourceResult}
 */
final class BaselineVsNow<T> {

    private final String kind;
    private final String title;
    private final T now;
    private final T baseline;
    private final List<String> notes = new ArrayList<>();

    private BaselineVsNow(String kind, String title, T now, T baseline) {
        this.kind = kind;
        this.title = title;
        this.now = now;
        this.baseline = baseline;
    }

    /**
     * The figures {@code of} the test's run and baseline, with a note for each side without them: {@code absent}
     * says how, e.g. {@code "not sampled"}, and {@code hint} why, when neither side has them.
     */
    static <T> BaselineVsNow<T> of(ReportedTest test, Function<LoadTestResult, T> of, String kind, String title, String absent,
            String hint) {
        LoadTestResult baselineResult = test.baseline();
        BaselineVsNow<T> figures = new BaselineVsNow<>(kind, title, of.apply(test.current()),
                baselineResult == null ? null : of.apply(baselineResult));
        String baselineNote = baselineResult == null ? "no baseline" : absent + " in the baseline";
        String nowNote = capitalized(absent) + " in this run";
        if (figures.neither()) {
            figures.note(nowNote + hint + "; " + baselineNote + ".");
            return figures;
        }
        if (figures.now == null) {
            figures.note(nowNote + ".");
        }
        if (figures.baseline == null) {
            figures.note(capitalized(baselineNote) + ".");
        }
        return figures;
    }

    /** Whether neither side has figures: the part is its one note. */
    boolean neither() {
        return now == null && baseline == null;
    }

    T now() {
        return now;
    }

    T baseline() {
        return baseline;
    }

    /** {@code figure} of this run's figures, or {@code null} when it has none. */
    <X> X now(Function<T, X> figure) {
        return now == null ? null : figure.apply(now);
    }

    /** {@code figure} of the baseline's figures, or {@code null} when it has none. */
    <X> X baseline(Function<T, X> figure) {
        return baseline == null ? null : figure.apply(baseline);
    }

    /** Adds a sentence said above the table. */
    void note(String sentence) {
        notes.add(sentence);
    }

    /** A row: {@code label}, the baseline's cells {@code was}, this run's {@code is}, then the change from {@code from} to {@code to}. */
    static ShownSection.Row row(String key, String label, List<String> was, List<String> is, Double from, Double to) {
        List<String> cells = new ArrayList<>();
        cells.add(label);
        cells.addAll(was);
        cells.addAll(is);
        cells.add(change(from, to));
        return new ShownSection.Row(key, cells);
    }

    /** A chart of the {@code points} of each side ({@code null} for a side without figures). */
    ShownSection.Chart chart(String key, String chartTitle, String unit, boolean zero, Function<T, List<ShownSection.Point>> points) {
        return new ShownSection.Chart(key, chartTitle, unit, zero, now(points), baseline(points));
    }

    /** The part: its notes, then {@code rows} under {@code groups} and {@code head}, and {@code charts}. */
    ShownSection section(List<ShownSection.Group> groups, List<String> head, List<ShownSection.Row> rows, List<ShownSection.Chart> charts) {
        return ShownSection.of(kind, title, notes, groups, head, rows, charts);
    }

    /** The part when {@link #neither} side has figures: its note alone. */
    ShownSection noteOnly() {
        return section(List.of(), List.of(), List.of(), List.of());
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
