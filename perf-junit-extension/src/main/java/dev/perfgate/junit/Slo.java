package dev.perfgate.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Service-level objectives of a {@link LoadTest}: limits on the latency percentiles, the error rate
 * and the throughput of one operation, or of all operations together when {@link #operation()} is
 * empty. A run that misses any of them fails the test with a message that names each missed
 * objective, its limit and the measured value; the result file records every check and the run's
 * grade (A-F, see {@code docs/slo.md}). Repeat the annotation for several operations; on the class,
 * it applies to every load test of the class.
 *
 * <pre>{@code
 * @LoadTest(users = 20, duration = "30s")
 * @Slo(p95 = "300ms", errorRate = "1%")
 * @Slo(operation = "POST /api/orders", p99 = "800ms", throughput = "50/s")
 * void shop(Http http) { ... }
 * }</pre>
 *
 * Empty attributes set no limit.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(Slos.class)
public @interface Slo {

    /** The operation these limits apply to, e.g. {@code "GET /api/items"}; empty for all operations together. */
    String operation() default "";

    /** Ceiling on the median latency, e.g. {@code "100ms"}. */
    String p50() default "";

    /** Ceiling on the 90th percentile latency. */
    String p90() default "";

    /** Ceiling on the 95th percentile latency, e.g. {@code "300ms"}. */
    String p95() default "";

    /** Ceiling on the 99th percentile latency. */
    String p99() default "";

    /** Ceiling on the largest latency. */
    String max() default "";

    /** Ceiling on the share of failed requests, e.g. {@code "1%"}. */
    String errorRate() default "";

    /** Floor on the successful and failed requests per second, e.g. {@code "100/s"}. */
    String throughput() default "";
}
