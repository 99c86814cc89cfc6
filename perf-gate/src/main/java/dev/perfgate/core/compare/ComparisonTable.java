package dev.perfgate.core.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders comparison rows as one aligned plain-text table, for a build log.
 *
 * <pre>
 * TEST            OPERATION  METRIC       BASELINE   NOW        CHANGE     VERDICT    NOTE
 * GreetingIT.get  (total)    p95 latency  1.210 ms   9.870 ms   +715.7 %   REGRESSED  p=0.00001
 * </pre>
 */
public final class ComparisonTable {

    private static final String[] HEADER = {"TEST", "OPERATION", "METRIC", "BASELINE", "NOW", "CHANGE", "VERDICT", "NOTE"};

    private ComparisonTable() {
    }

    /** The table of {@code rows}, one line each, after a header line; lines end with {@code \n}. */
    public static String render(List<MetricComparison> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (MetricComparison row : rows) {
            cells.add(new String[] {
                row.testId(),
                row.operation(),
                row.metricLabel(),
                row.format(row.baseline()),
                row.format(row.current()),
                row.change(),
                row.verdict().name(),
                row.note()});
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                boolean numeric = i >= 3 && i <= 5;
                boolean last = i == line.length - 1;
                out.append(last ? line[i] : pad(line[i], widths[i], numeric));
                if (!last) {
                    out.append("  ");
                }
            }
            // An empty last cell would otherwise leave the padding of the one before it.
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == ' ') {
                end--;
            }
            out.setLength(end);
            out.append('\n');
        }
        return out.toString();
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(width - text.length());
        return right ? spaces + text : text + spaces;
    }
}
