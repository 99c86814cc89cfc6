package dev.perfgate.core.report;

import java.util.List;

/**
 * One part of a test's section in the HTML report whose figures are shown, never gated: a title,
 * one-line notes (what is absent, what failed), a table of preformatted cells and charts of baseline
 * vs now over the measured phase. It is embedded as JSON and drawn by {@link #SCRIPT}, so the page
 * draws the app container's resources and the application's metrics with one piece of code.
 *
 * @param kind     what it shows, {@code "resources"} or {@code "appMetrics"}: marks the page's elements
 * @param title    its heading
 * @param notes    sentences said above the table, e.g. {@code "Not sampled in the baseline."}
 * @param groups   column groups above {@code head}, or empty
 * @param head     the table's column headings
 * @param rows     the table's rows; empty: no table
 * @param charts   its charts; empty: none
 * @param selector whether the charts share one canvas and a drop-down chooses the one shown
 */
record ShownSection(String kind, String title, List<String> notes, List<Group> groups, List<String> head, List<Row> rows,
        List<Chart> charts, boolean selector) {

    /** More charts than this share one canvas with a drop-down: a wall of small charts reads worse than one. */
    static final int MAX_SEPARATE_CHARTS = 4;

    ShownSection {
        notes = List.copyOf(notes);
        groups = List.copyOf(groups);
        head = List.copyOf(head);
        rows = List.copyOf(rows);
        charts = List.copyOf(charts);
    }

    /** A section with {@code charts}, behind a drop-down when there are more than {@link #MAX_SEPARATE_CHARTS}. */
    static ShownSection of(String kind, String title, List<String> notes, List<Group> groups, List<String> head, List<Row> rows,
            List<Chart> charts) {
        return new ShownSection(kind, title, notes, groups, head, rows, charts, charts.size() > MAX_SEPARATE_CHARTS);
    }

    /** A heading over {@code span} columns. */
    record Group(String label, int span) {
    }

    /** A table row: {@code key} names it for the page ({@code data-row}); the first cell is its label. */
    record Row(String key, List<String> cells) {

        Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * A chart of values over the seconds of the measured phase.
     *
     * @param key      names it for the page ({@code data-chart}) and the drop-down
     * @param title    its title
     * @param unit     the value axis' title
     * @param zero     whether the value axis starts at zero
     * @param now      this run's points, or {@code null} when this run has none
     * @param baseline the baseline's points, or {@code null} when it has none
     */
    record Chart(String key, String title, String unit, boolean zero, List<Point> now, List<Point> baseline) {
    }

    /** A value {@code y} ({@code null}: none, a gap in the line) at second {@code x}. */
    record Point(double x, Double y) {
    }

    /**
     * The page's function {@code shownSection(parent, section)}; it uses the page's {@code el} and
     * {@code chart} helpers. Text goes in through {@code textContent} and {@code setAttribute}, so a
     * metric name carrying {@code <}, {@code >} or quotes is shown, never parsed.
     */
    static final String SCRIPT = ReportAssets.read("shown-section.js");
}
