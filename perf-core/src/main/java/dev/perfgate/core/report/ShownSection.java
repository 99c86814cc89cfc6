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
    static final String SCRIPT = String.join("\n",
            "function shownConfig(c){var sets=[];",
            " if(c.baseline){sets.push({label:'baseline',data:c.baseline,borderColor:'#607d8b',backgroundColor:'#607d8b',borderDash:[6,4],pointRadius:2,showLine:true});}",
            " if(c.now){sets.push({label:'now',data:c.now,borderColor:'#c2185b',backgroundColor:'#c2185b',pointRadius:2,showLine:true});}",
            " return{type:'scatter',data:{datasets:sets},options:{maintainAspectRatio:false,animation:false,plugins:{title:{display:true,text:c.title}},",
            "  scales:{x:{title:{display:true,text:'seconds into the measured phase'}},y:{beginAtZero:c.zero,title:{display:true,text:c.unit}}}}};}",
            "function shownSection(parent,s){",
            " var box=el('div',{'class':'shown','data-shown':s.kind});parent.appendChild(box);box.appendChild(el('h3',{},s.title));",
            " s.notes.forEach(function(n){box.appendChild(el('p',{'class':'note','data-note':s.kind},n));});",
            " if(s.rows.length){var t=el('table',{'data-table':s.kind});",
            "  if(s.groups.length){var g=el('tr');s.groups.forEach(function(x){g.appendChild(el('th',{colspan:String(x.span)},x.label));});t.appendChild(g);}",
            "  var h=el('tr');s.head.forEach(function(x){h.appendChild(el('th',{},x));});t.appendChild(h);",
            "  s.rows.forEach(function(r){var tr=el('tr',{'data-row':r.key});r.cells.forEach(function(c,i){tr.appendChild(el('td',i?{'class':'num'}:{},c));});",
            "   t.appendChild(tr);});box.appendChild(t);}",
            " if(!s.charts.length){return;}",
            " var charts=el('div',{'class':'charts'});box.appendChild(charts);",
            " if(!s.selector){s.charts.forEach(function(c){var b=el('div',{'data-chart':c.key});charts.appendChild(b);chart(b,shownConfig(c));});return;}",
            " var label=el('label',{},'chart of ');var pick=el('select',{'data-selector':s.kind});label.appendChild(pick);",
            " s.charts.forEach(function(c,i){pick.appendChild(el('option',{value:String(i)},c.title));});box.insertBefore(label,charts);",
            " var b=el('div',{'class':'wide','data-chart':s.charts[0].key});charts.appendChild(b);var shown=chart(b,shownConfig(s.charts[0]));",
            " pick.addEventListener('change',function(){var c=s.charts[Number(pick.value)];b.setAttribute('data-chart',c.key);",
            "  var canvas=shown.canvas;shown.destroy();shown=new Chart(canvas,shownConfig(c));});",
            "}");
}
