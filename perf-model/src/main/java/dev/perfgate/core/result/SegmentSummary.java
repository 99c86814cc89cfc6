package dev.perfgate.core.result;

/**
 * Which part of a distributed run a result holds: part {@code index} (from 0) of {@code count}, each run
 * by one load generator. Such a result keeps its windows' and seconds' histograms, so that
 * {@link ResultMerge} adds the parts up without loss into the result the gate reads.
 *
 * @param index which part, 0 to {@code count - 1}
 * @param count the parts the run was split into, 2 or more
 */
public record SegmentSummary(int index, int count) {

    public SegmentSummary {
        if (count < 2 || index < 0 || index >= count) {
            throw new IllegalArgumentException("segment: part " + index + " of " + count + " is not a part of a run; "
                    + "give an index from 0 to count - 1 and a count of 2 or more");
        }
    }

    @Override
    public String toString() {
        return "part " + (index + 1) + " of " + count;
    }
}
