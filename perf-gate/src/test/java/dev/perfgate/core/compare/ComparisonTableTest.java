package dev.perfgate.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.result.LoadTestResult;

class ComparisonTableTest {

    private static List<MetricComparison> sampleRows() {
        LoadTestResult baseline = Results.result("GreetingIT.greet", Results.op(1.21, 830.5, 0),
                Map.of("GET /api/greeting", Results.op(1.21, 830.5, 0),
                        "GET /gone", Results.op(3, 10, 0)));
        LoadTestResult current = Results.result("GreetingIT.greet", Results.op(9.87, 12000.25, 0.5),
                Map.of("GET /api/greeting", Results.op(9.87, 12000.25, 0.5),
                        "POST /api/a-much-longer-operation-name", Results.op(1, 1, 0)));
        List<MetricComparison> rows = new ArrayList<>(new ResultComparator(GateSettings.DEFAULT).compare(baseline, current));
        rows.add(ResultComparator.newTest(Results.result("OtherIT.x", Results.op(1, 1, 0), Map.of())));
        return rows;
    }

    @Test
    void rendersHeaderAndOneLinePerRow() {
        List<MetricComparison> rows = sampleRows();

        String table = ComparisonTable.render(rows);

        assertThat(table).endsWith("\n");
        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(rows.size() + 1);
        assertThat(lines.get(0).split("\\s+"))
                .containsExactly("TEST", "OPERATION", "METRIC", "BASELINE", "NOW", "CHANGE", "VERDICT", "NOTE");
        for (int i = 0; i < rows.size(); i++) {
            MetricComparison row = rows.get(i);
            assertThat(lines.get(i + 1)).startsWith(row.testId()).contains(row.operation()).contains(row.change());
        }
    }

    @Test
    void verdictColumnStartsAtTheSameIndexOnEveryLine() {
        List<MetricComparison> rows = sampleRows();
        List<String> lines = ComparisonTable.render(rows).lines().toList();

        List<Integer> verdictStarts = new ArrayList<>();
        verdictStarts.add(lines.get(0).indexOf("VERDICT"));
        for (int i = 0; i < rows.size(); i++) {
            String line = lines.get(i + 1).stripTrailing();
            String verdict = rows.get(i).verdict().name();
            String note = rows.get(i).note();
            assertThat(line).endsWith(note).contains("  " + verdict);
            verdictStarts.add(line.indexOf("  " + verdict) + 2);
        }

        assertThat(verdictStarts).hasSize(lines.size()).containsOnly(verdictStarts.get(0));
        assertThat(verdictStarts.get(0)).isPositive();
    }

    @Test
    void columnsAreSeparatedAndNumbersRightAligned() {
        List<MetricComparison> rows = sampleRows();
        List<String> lines = ComparisonTable.render(rows).lines().toList();

        // The NOW column is right-aligned: every value ends where the header "NOW" ends.
        int nowEnd = lines.get(0).indexOf("NOW") + "NOW".length();
        for (int i = 0; i < rows.size(); i++) {
            String now = rows.get(i).format(rows.get(i).current());
            assertThat(lines.get(i + 1).substring(0, nowEnd)).as(lines.get(i + 1)).endsWith(now);
        }
        // No line runs two cells together: each header word is preceded by at least two spaces.
        for (String word : Arrays.asList("OPERATION", "METRIC", "BASELINE", "NOW", "CHANGE", "VERDICT")) {
            int index = lines.get(0).indexOf(word);
            assertThat(lines.get(0).substring(index - 2, index)).isEqualTo("  ");
        }
    }

    @Test
    void rendersOnlyTheHeaderForNoRows() {
        assertThat(ComparisonTable.render(List.of()).lines().toList()).hasSize(1);
    }
}
