package dev.perfgate.junit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.perfgate.core.result.SideBySideResult;

/**
 * How the two versions of one instance of a {@link SideBySide} run share their warm-up: in alternating
 * slices of at most {@value #SLICE_SECONDS} s rather than one whole warm-up after the other, and the
 * version that starts alternating from one instance to the next. A JVM whose warm-up ended long before
 * the trials began (it idled through the other's warm-up) measured about 8 % slower than one warmed up
 * last, in every pair of an A/A run: the order of warm-ups would read as a change.
 *
 * @param version {@value SideBySideResult#REFERENCE} or {@value SideBySideResult#CANDIDATE}
 * @param length  how long this slice loads that version
 */
record WarmUpSlices(String version, Duration length) {

    static final long SLICE_SECONDS = 5;

    /** The slices of {@code warmUp} for each version of instance {@code instance} (from 0), in the order they run. */
    static List<WarmUpSlices> of(Duration warmUp, int instance) {
        if (warmUp.isZero()) {
            return List.of();
        }
        long slices = Math.max(1, (warmUp.toMillis() + SLICE_SECONDS * 1000 - 1) / (SLICE_SECONDS * 1000));
        Duration length = warmUp.dividedBy(slices);
        String first = instance % 2 == 0 ? SideBySideResult.REFERENCE : SideBySideResult.CANDIDATE;
        String second = instance % 2 == 0 ? SideBySideResult.CANDIDATE : SideBySideResult.REFERENCE;
        List<WarmUpSlices> order = new ArrayList<>();
        for (long slice = 0; slice < slices; slice++) {
            order.add(new WarmUpSlices(first, length));
            order.add(new WarmUpSlices(second, length));
        }
        return order;
    }
}
