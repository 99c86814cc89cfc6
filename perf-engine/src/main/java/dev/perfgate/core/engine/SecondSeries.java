package dev.perfgate.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntSupplier;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import dev.perfgate.core.result.HistogramCodec;

import dev.perfgate.core.result.SecondFigures;

/**
 * The figures of a run second by second, warm-up included, in memory that does not grow with the
 * run's length beyond a few numbers a second. Counts are kept for every second; latencies go into a
 * small ring of shared {@link ConcurrentHistogram}s (2 significant digits) that a sampler thread
 * reduces to percentiles once no request of that second can still be running (the request timeout
 * plus {@value #SETTLE_SECONDS} s after it ended), then reuses for a later second. The same thread
 * samples the active users (or iterations in flight) 10 ms before each second ends.
 *
 * <p>A success recorded after its second was reduced (only possible for an open-model request that
 * waited longer than the timeout before it was sent) is counted but left out of the percentiles.
 * Runs are followed for at most {@value #MAX_SECONDS} seconds (24 h); requests after that are in no
 * second. Recording is thread-safe and takes no lock.
 */
final class SecondSeries {

    /** Most seconds a series holds: 24 h. */
    static final int MAX_SECONDS = 86_400;

    /** Seconds after the request timeout before a second's latencies are final. */
    static final int SETTLE_SECONDS = 2;

    /** How long before the end of each second the active users are sampled: the last one ends with the run. */
    static final long SAMPLE_LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final RunPhases phase;
    /** The series' first second, relative to the measured start (0 or negative). */
    private final int firstSecond;
    private final int seconds;
    private final int warmUpSeconds;
    private final AtomicLongArray requests;
    private final AtomicLongArray errors;
    private final ConcurrentHistogram[] ring;
    /** The index of the second each ring slot now holds; -1 while it is being reduced. */
    private final AtomicLongArray owners;
    private final float[] p50;
    private final float[] p95;
    private final float[] p99;
    private final int[] active;
    /** Each second's latencies, encoded, when kept for merging with other parts' ({@code null}: not kept). */
    private final String[] histograms;
    private final long lagNanos;
    /** Written by the sampler thread, then read after it was joined. */
    private int reduced;
    private int sampled;

    /** {@code phase}: {start, measured start, measured end} in nanoTime, filled in before the run begins. */
    SecondSeries(RunPhases phase, Duration warmUp, Duration duration, Duration requestTimeout) {
        this(phase, warmUp, duration, requestTimeout, false);
    }

    /** A series whose seconds keep their histograms when {@code keepHistograms}, for a part of a distributed run. */
    SecondSeries(RunPhases phase, Duration warmUp, Duration duration, Duration requestTimeout, boolean keepHistograms) {
        this.phase = phase;
        this.warmUpSeconds = (int) Math.min(MAX_SECONDS, ceilSeconds(warmUp));
        this.firstSecond = -warmUpSeconds;
        this.seconds = (int) Math.min(MAX_SECONDS, warmUpSeconds + ceilSeconds(duration));
        requests = new AtomicLongArray(seconds);
        errors = new AtomicLongArray(seconds);
        p50 = new float[seconds];
        p95 = new float[seconds];
        p99 = new float[seconds];
        active = new int[seconds];
        histograms = keepHistograms ? new String[seconds] : null;
        long lagSeconds = ceilSeconds(requestTimeout) + SETTLE_SECONDS;
        this.lagNanos = TimeUnit.SECONDS.toNanos(lagSeconds);
        int slots = (int) Math.min(seconds, lagSeconds + 2);
        ring = new ConcurrentHistogram[slots];
        owners = new AtomicLongArray(slots);
        for (int i = 0; i < slots; i++) {
            ring[i] = new ConcurrentHistogram(2);
            owners.set(i, i);
        }
    }

    private static long ceilSeconds(Duration duration) {
        long nanos = duration.toNanos();
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /** Records a request that started at {@code startNanos}, in the warm-up or the measured phase. */
    void record(long startNanos, long latencyNanos, boolean failed) {
        int index = indexOf(startNanos);
        if (index < 0) {
            return;
        }
        requests.incrementAndGet(index);
        if (failed) {
            errors.incrementAndGet(index);
            return;
        }
        int slot = index % ring.length;
        if (owners.get(slot) == index) {
            ring[slot].recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(latencyNanos)));
        }
    }

    private int indexOf(long startNanos) {
        long offset = startNanos - phase.measuredStartNanos();
        int second = (int) Math.floorDiv(offset, 1_000_000_000L);
        int index = second - firstSecond;
        return index >= 0 && index < seconds && startNanos - phase.measuredEndNanos() < 0 ? index : -1;
    }

    /** Nanotime at which second {@code index} of the series ends. */
    private long endOf(int index) {
        return phase.measuredStartNanos() + TimeUnit.SECONDS.toNanos(index + firstSecond + 1L);
    }

    /**
     * Starts the thread that samples {@code activeNow} at the end of each second and reduces the
     * seconds whose requests can no longer be running. Stop it with {@link Thread#interrupt()} and join it
     * before {@link #finish}.
     */
    Thread startSampler(IntSupplier activeNow) {
        Thread sampler = new Thread(() -> sample(activeNow), "perfgate-seconds");
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }

    private void sample(IntSupplier activeNow) {
        try {
            while (sampled < seconds) {
                RunThreads.sleepUntil(endOf(sampled) - SAMPLE_LEAD_NANOS);
                active[sampled++] = activeNow.getAsInt();
                long now = System.nanoTime();
                while (reduced < sampled && now - endOf(reduced) - lagNanos >= 0) {
                    reduce(reduced++);
                }
            }
        } catch (InterruptedException e) {
            // the run is over: finish() reduces the rest
        }
    }

    private void reduce(int index) {
        int slot = index % ring.length;
        owners.set(slot, -1);
        Histogram latency = ring[slot].copy();
        if (latency.getTotalCount() > 0) {
            p50[index] = (float) (latency.getValueAtPercentile(50) / 1000.0);
            p95[index] = (float) (latency.getValueAtPercentile(95) / 1000.0);
            p99[index] = (float) (latency.getValueAtPercentile(99) / 1000.0);
        }
        if (histograms != null) {
            histograms[index] = HistogramCodec.encode(latency);
        }
        ring[slot].reset();
        owners.set(slot, index + ring.length);
    }

    /**
     * Every second up to the end of the measured phase, or up to {@code stoppedAtNanos} when the run
     * was stopped before it. Call once, after the load threads and the sampler stopped.
     */
    List<SecondFigures> finish(long stoppedAtNanos) {
        long endOffset = Math.min(stoppedAtNanos, phase.measuredEndNanos()) - phase.measuredStartNanos();
        long endSecond = Math.floorDiv(endOffset + 999_999_999L, 1_000_000_000L);
        int last = (int) Math.max(0, Math.min(seconds, endSecond - firstSecond));
        while (reduced < last) {
            reduce(reduced++);
        }
        List<SecondFigures> figures = new ArrayList<>(last);
        for (int i = 0; i < last; i++) {
            figures.add(new SecondFigures(i + firstSecond, i < warmUpSeconds, requests.get(i), errors.get(i), rounded(p50[i]),
                    rounded(p95[i]), rounded(p99[i]), active[i], histograms == null ? null : histograms[i]));
        }
        return figures;
    }

    private static double rounded(float millis) {
        return Math.round(millis * 1000.0) / 1000.0;
    }
}
