package dev.perfgate.core.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import dev.perfgate.core.http.ErrorKind;
import dev.perfgate.core.result.LatencySummary;

/**
 * Latencies and errors of one operation. Thread-safe and lock-free: all users of a run record into
 * the same one, so that a run's memory does not grow with its users (a histogram over this range at 3
 * digits takes about 180 KiB: one per user made 10,000 users cost 1.8 GB of heap).
 */
public final class OperationStats {

    private static final ErrorKind[] KINDS = ErrorKind.values();

    private final Histogram latencyMicros = new ConcurrentHistogram(1, LatencySummary.HIGHEST_TRACKABLE_MICROS, 3);
    private final AtomicLongArray errors = new AtomicLongArray(KINDS.length);
    private final AtomicReference<String> firstCheckFailure = new AtomicReference<>();

    void recordSuccess(long latencyNanos) {
        long micros = Math.max(1, Math.min(LatencySummary.HIGHEST_TRACKABLE_MICROS, TimeUnit.NANOSECONDS.toMicros(latencyNanos)));
        latencyMicros.recordValue(micros);
    }

    void recordError(ErrorKind kind) {
        errors.incrementAndGet(kind.ordinal());
    }

    void recordFailedCheck(String failure) {
        recordError(ErrorKind.CHECK);
        firstCheckFailure.compareAndSet(null, failure);
    }

    void add(OperationStats other) {
        firstCheckFailure.compareAndSet(null, other.firstCheckFailure.get());
        latencyMicros.add(other.latencyMicros);
        for (int kind = 0; kind < KINDS.length; kind++) {
            errors.addAndGet(kind, other.errors.get(kind));
        }
    }

    /** Latencies of the successful requests, in microseconds. */
    public Histogram latencyMicros() {
        return latencyMicros;
    }

    /** Failed requests by kind. */
    public Map<ErrorKind, Long> errors() {
        Map<ErrorKind, Long> byKind = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : KINDS) {
            long count = errors.get(kind.ordinal());
            if (count > 0) {
                byKind.put(kind, count);
            }
        }
        return Map.copyOf(byKind);
    }

    /**
     * Why the first failed response check recorded here failed, e.g. {@code "check failed on 'chat': status is 200, was 503"}; {@code null} when none failed.
     */
    public String firstCheckFailure() {
        return firstCheckFailure.get();
    }

    /** Failed requests of every kind. */
    public long errorCount() {
        long count = 0;
        for (int kind = 0; kind < KINDS.length; kind++) {
            count += errors.get(kind);
        }
        return count;
    }

    /** Successful and failed requests. */
    public long requestCount() {
        return latencyMicros.getTotalCount() + errorCount();
    }
}
