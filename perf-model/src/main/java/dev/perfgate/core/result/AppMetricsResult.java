package dev.perfgate.core.result;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Named metrics the application served on its Prometheus endpoint during the measured phase,
 * scraped about once a second.
 *
 * @param path     the endpoint, e.g. {@code "/actuator/prometheus"}
 * @param scrapes  scrapes answered in the measured phase
 * @param failures scrapes that failed (no answer, not 2xx); {@code lastFailure} says why
 * @param lastFailure the last failure, or {@code null}
 * @param metrics  each metric found, by the name asked for
 * @param missing  names asked for that no answered scrape held
 */
public record AppMetricsResult(String path, int scrapes, int failures, String lastFailure, Map<String, MetricSeries> metrics,
        List<String> missing) {

    public AppMetricsResult {
        metrics = metrics == null ? Map.of() : new TreeMap<>(metrics);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    /**
     * One metric over the measured phase: the sum of its series at each scrape (see
     * {@code docs/metrics.md}).
     *
     * @param min     smallest finite value; {@code null} when none was finite (NaN, +Inf)
     * @param mean    mean of the finite values
     * @param max     largest finite value
     * @param last    the last finite value
     * @param samples every scrape that held it, in time order
     */
    public record MetricSeries(Double min, Double mean, Double max, Double last, List<MetricSample> samples) {

        public MetricSeries {
            samples = samples == null ? List.of() : List.copyOf(samples);
        }

        /** The figures of {@code samples}. */
        public static MetricSeries of(List<MetricSample> samples) {
            double[] finite = samples.stream().map(MetricSample::value).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
            if (finite.length == 0) {
                return new MetricSeries(null, null, null, null, samples);
            }
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            double sum = 0;
            for (double value : finite) {
                min = Math.min(min, value);
                max = Math.max(max, value);
                sum += value;
            }
            return new MetricSeries(min, sum / finite.length, max, finite[finite.length - 1], samples);
        }
    }

    /**
     * One scrape's value.
     *
     * @param atSecond seconds since the measured phase began
     * @param value    the value; {@code null} when it was NaN or infinite (JSON holds neither)
     */
    public record MetricSample(double atSecond, Double value) {
    }

    /** One line for people, e.g. {@code "app metrics (/metrics, 9 scrapes): cache_hit_ratio mean 0.93 ..."}. */
    public String describe() {
        StringBuilder line = new StringBuilder("app metrics (" + path + ", " + scrapes + " scrapes");
        if (failures > 0) {
            line.append(", ").append(failures).append(" failed: ").append(lastFailure);
        }
        line.append(")");
        String separator = ": ";
        for (Map.Entry<String, MetricSeries> metric : metrics.entrySet()) {
            MetricSeries series = metric.getValue();
            line.append(separator).append(metric.getKey());
            line.append(series.mean() == null ? " not finite" : String.format(java.util.Locale.ROOT,
                    " min %s, mean %s, max %s, last %s", format(series.min()), format(series.mean()), format(series.max()),
                    format(series.last())));
            separator = "; ";
        }
        if (!missing.isEmpty()) {
            line.append(separator).append("missing ").append(String.join(", ", missing));
        }
        return line.toString();
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.4g", value);
    }
}
