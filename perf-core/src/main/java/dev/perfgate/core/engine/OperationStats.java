package dev.perfgate.core.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Latencies and errors of one operation. Not thread-safe: each virtual user owns its own and the
 * engine merges them after the run, so recording needs no locks.
 */
public final class OperationStats {

    /** Latencies are recorded in microseconds, from 1 us up to one hour, 3 significant digits. */
    public static final long HIGHEST_TRACKABLE_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Histogram latencyMicros = new Histogram(1, HIGHEST_TRACKABLE_MICROS, 3);
    private final Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
    private String firstCheckFailure;

    void recordSuccess(long latencyNanos) {
        long micros = Math.max(1, Math.min(HIGHEST_TRACKABLE_MICROS, TimeUnit.NANOSECONDS.toMicros(latencyNanos)));
        latencyMicros.recordValue(micros);
    }

    void recordError(ErrorKind kind) {
        errors.merge(kind, 1L, Long::sum);
    }

    void recordFailedCheck(String failure) {
        recordError(ErrorKind.CHECK);
        if (firstCheckFailure == null) {
            firstCheckFailure = failure;
        }
    }

    void add(OperationStats other) {
        if (firstCheckFailure == null) {
            firstCheckFailure = other.firstCheckFailure;
        }
        latencyMicros.add(other.latencyMicros);
        other.errors.forEach((kind, count) -> errors.merge(kind, count, Long::sum));
    }

    /** Latencies of the successful requests, in microseconds. */
    public Histogram latencyMicros() {
        return latencyMicros;
    }

    /** Failed requests by kind. */
    public Map<ErrorKind, Long> errors() {
        return Map.copyOf(errors);
    }

    /**
     * Why the first failed response check recorded here failed (of one user; after merging, of the first
     * user that had one), e.g. {@code "check failed on 'chat': status is 200, was 503"}; {@code null} when none failed.
     */
    public String firstCheckFailure() {
        return firstCheckFailure;
    }

    /** Failed requests of every kind. */
    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Successful and failed requests. */
    public long requestCount() {
        return latencyMicros.getTotalCount() + errorCount();
    }
}
