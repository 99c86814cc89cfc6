package dev.perfgate.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import dev.perfgate.core.metrics.PrometheusText;

/**
 * What {@link AppUnderTest#withPrometheusMetrics} asked for: the endpoint's path and the metrics,
 * each a name with the labels it must carry.
 */
record PrometheusMetrics(String path, List<Selector> selectors) {

    /** One metric asked for: {@code text} as written, e.g. {@code cache_gets_total{result="hit"}}. */
    record Selector(String text, String name, Map<String, String> labels) {
    }

    static PrometheusMetrics of(String path, String... names) {
        String example = "withPrometheusMetrics(\"/actuator/prometheus\", \"hikaricp_connections_active\")";
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            throw new ExtensionConfigurationException("withPrometheusMetrics: path '" + path + "' must start with a single '/', e.g. "
                    + example);
        }
        if (names == null || names.length == 0) {
            throw new ExtensionConfigurationException("withPrometheusMetrics: no metric named; name at least one, e.g. " + example);
        }
        List<Selector> selectors = new ArrayList<>();
        for (String name : names) {
            selectors.add(selectorOf(name, example));
        }
        return new PrometheusMetrics(path, List.copyOf(selectors));
    }

    /** Reads a selector the way the exposition format writes a series, so labels quote and escape alike. */
    private static Selector selectorOf(String text, String example) {
        List<PrometheusText.Sample> parsed = text == null || text.isBlank() || text.contains("\n") ? List.of()
                : PrometheusText.parse(text.strip() + " 0").samples();
        if (parsed.size() != 1) {
            throw new ExtensionConfigurationException("withPrometheusMetrics: '" + text + "' is not a metric name ([a-zA-Z_:]"
                    + "[a-zA-Z0-9_:]*), optionally with labels such as cache_gets_total{result=\"hit\"}; e.g. " + example);
        }
        return new Selector(text.strip(), parsed.get(0).name(), parsed.get(0).labels());
    }
}
