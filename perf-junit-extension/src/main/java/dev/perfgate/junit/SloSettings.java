package dev.perfgate.junit;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.platform.commons.support.AnnotationSupport;

import dev.perfgate.core.slo.SloMetric;
import dev.perfgate.core.slo.SloThreshold;

/** The {@link Slo} objectives of a load test method: its class's, then its own. */
final class SloSettings {

    private SloSettings() {
    }

    /** Every limit declared on {@code method} and its class; a bad value names the annotation, attribute and method. */
    static List<SloThreshold> of(Method method) {
        String owner = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        List<SloThreshold> thresholds = new ArrayList<>();
        for (Slo slo : AnnotationSupport.findRepeatableAnnotations(method.getDeclaringClass(), Slo.class)) {
            add(slo, "on class " + method.getDeclaringClass().getSimpleName(), thresholds);
        }
        for (Slo slo : AnnotationSupport.findRepeatableAnnotations(method, Slo.class)) {
            add(slo, "on " + owner, thresholds);
        }
        return thresholds;
    }

    private static void add(Slo slo, String where, List<SloThreshold> thresholds) {
        String operation = slo.operation().isBlank() ? SloThreshold.TOTAL : slo.operation().strip();
        add(operation, SloMetric.P50, slo.p50(), "p50", where, thresholds);
        add(operation, SloMetric.P90, slo.p90(), "p90", where, thresholds);
        add(operation, SloMetric.P95, slo.p95(), "p95", where, thresholds);
        add(operation, SloMetric.P99, slo.p99(), "p99", where, thresholds);
        add(operation, SloMetric.MAX, slo.max(), "max", where, thresholds);
        add(operation, SloMetric.ERROR_RATE, slo.errorRate(), "errorRate", where, thresholds);
        add(operation, SloMetric.THROUGHPUT, slo.throughput(), "throughput", where, thresholds);
    }

    private static void add(String operation, SloMetric metric, String value, String attribute, String where,
            List<SloThreshold> thresholds) {
        if (!value.isBlank()) {
            thresholds.add(SloThreshold.parse(operation, metric, value, "@Slo(" + attribute + ") " + where));
        }
    }
}
