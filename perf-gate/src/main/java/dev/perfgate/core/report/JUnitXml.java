package dev.perfgate.core.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.perfgate.core.compare.MetricComparison;
import dev.perfgate.core.compare.Verdict;

/**
 * Comparison rows in the JUnit XML format CI servers read (the Ant/Surefire dialect): one test suite
 * per load test, one test case per operation and metric; REGRESSED is a failure, INCONCLUSIVE, NEW
 * and MISSING are skipped with their reason.
 */
final class JUnitXml {

    private JUnitXml() {
    }

    static String of(List<MetricComparison> rows) {
        Map<String, List<MetricComparison>> byTest = new LinkedHashMap<>();
        rows.forEach(row -> byTest.computeIfAbsent(row.testId(), id -> new java.util.ArrayList<>()).add(row));
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"perfgate\">\n");
        byTest.forEach((testId, cases) -> {
            long failures = cases.stream().filter(r -> r.verdict() == Verdict.REGRESSED).count();
            long skipped = cases.stream().filter(JUnitXml::isSkipped).count();
            out.append("  <testsuite name=\"perfgate.").append(escape(testId)).append("\" tests=\"").append(cases.size())
                    .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped).append("\">\n");
            for (MetricComparison row : cases) {
                String name = row.operation() + " " + (row.metric() == null ? "baseline" : row.metric().label());
                out.append("    <testcase classname=\"perfgate.").append(escape(testId)).append("\" name=\"").append(escape(name)).append('"');
                if (row.verdict() == Verdict.REGRESSED) {
                    out.append(">\n      <failure message=\"").append(escape(row.describe())).append("\" type=\"REGRESSED\"/>\n    </testcase>\n");
                } else if (isSkipped(row)) {
                    String reason = row.verdict() + (row.note().isEmpty() ? "" : ": " + row.note());
                    out.append(">\n      <skipped message=\"").append(escape(reason)).append("\"/>\n    </testcase>\n");
                } else {
                    out.append("/>\n");
                }
            }
            out.append("  </testsuite>\n");
        });
        return out.append("</testsuites>\n").toString();
    }

    private static boolean isSkipped(MetricComparison row) {
        return row.verdict() == Verdict.INCONCLUSIVE || row.verdict() == Verdict.NEW || row.verdict() == Verdict.MISSING;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&apos;"); break;
                default:
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.toString();
    }
}
