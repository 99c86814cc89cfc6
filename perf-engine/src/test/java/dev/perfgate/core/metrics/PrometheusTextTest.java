package dev.perfgate.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String TEXT = String.join("\n",
            "# HELP hikaricp_connections_active Active connections",
            "# TYPE hikaricp_connections_active gauge",
            "hikaricp_connections_active{pool=\"main\",} 3.0",
            "hikaricp_connections_active{pool=\"reports\"} 2.0 1700000000000",
            "cache_gets_total{cache=\"users\",result=\"hit\"} 93",
            "cache_gets_total{cache=\"users\",result=\"miss\"} 7",
            "odd_label{text=\"a \\\"quoted\\\" value, with } and \\\\ and \\n\"} 1e3",
            "ratio NaN",
            "limit +Inf",
            "floor -Inf",
            "   ",
            "this is not a sample",
            "broken{label=\"unterminated} 4",
            "");

    @Test
    void readsSamplesWithLabelsEscapesAndSpecialValuesAndSkipsCommentsAndUnreadableLines() {
        PrometheusText text = PrometheusText.parse(TEXT);

        assertThat(text.samples()).hasSize(8);
        assertThat(text.unreadableLines()).isEqualTo(2);
        assertThat(text.samples().get(4).labels()).containsEntry("text", "a \"quoted\" value, with } and \\ and \n");
        assertThat(text.samples().get(4).value()).isEqualTo(1000.0);
        assertThat(text.sum("ratio", Map.of())).isNaN();
        assertThat(text.sum("limit", Map.of())).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(text.sum("floor", Map.of())).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void sumsTheSeriesOfANameThatCarryTheLabelsAskedFor() {
        PrometheusText text = PrometheusText.parse(TEXT);

        assertThat(text.sum("hikaricp_connections_active", Map.of())).isEqualTo(5.0);
        assertThat(text.sum("hikaricp_connections_active", Map.of("pool", "main"))).isEqualTo(3.0);
        assertThat(text.sum("cache_gets_total", Map.of("result", "hit"))).isEqualTo(93.0);
        assertThat(text.sum("cache_gets_total", Map.of("result", "none"))).isNull();
        assertThat(text.sum("no_such_metric", Map.of())).isNull();
    }
}
