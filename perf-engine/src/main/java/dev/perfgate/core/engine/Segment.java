package dev.perfgate.core.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * One part of a run spread over several load generators: part {@code index} (from 0) of {@code count},
 * every part starting at {@code startAt}. Users and arrivals are dealt out in turn, like cards: user
 * {@code k} (from 1) goes to part {@code (k - 1) % count}, arrival {@code j} (from 0) of the schedule to
 * part {@code j % count}. So the parts add up to the plan exactly, at every moment of a ramp, and each
 * part keeps its users' ids (user types and feeders deal by id) and its arrivals' due times.
 *
 * <pre>{@code
 * Instant start = Instant.now().plusSeconds(5);
 * RunMeasurements third = new LoadEngine().forSegment(new Segment(2, 4, start)).run(plan, target, scenario);
 * }</pre>
 *
 * @param index   which part, 0 to {@code count - 1}
 * @param count   parts the run is split into, 1 to {@value #MAX_COUNT}
 * @param startAt when every part starts its warm-up; {@code null} to start at once (a run of one part)
 */
public record Segment(int index, int count, Instant startAt) {

    /** Upper bound on {@link #count()}. */
    public static final int MAX_COUNT = 1_000;

    /** Longest a part waits for its start: a start further ahead is a mistake (a clock or a unit). */
    public static final Duration MAX_WAIT = Duration.ofMinutes(10);

    /** The whole run on one generator, started at once. */
    public static final Segment WHOLE = new Segment(0, 1, null);

    public Segment {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count: " + count + " parts is out of range; use 1 to " + MAX_COUNT + ", e.g. 4");
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("index: " + index + " is out of range for " + count + " parts; use 0 to "
                    + (count - 1));
        }
    }

    /** Whether this is the whole run. */
    public boolean isWhole() {
        return count == 1;
    }

    /** Whether user {@code id} (from 1) runs in this part. */
    public boolean hasUser(int id) {
        return (id - 1) % count == index;
    }

    /** How many of the users 1 to {@code users} run in this part. */
    public int usersOf(int users) {
        return users / count + (index < users % count ? 1 : 0);
    }

    /** The arrival of the whole schedule that is this part's {@code local}-th (both from 0). */
    long arrival(long local) {
        return index + local * count;
    }

    /**
     * This part's share of {@code maxInFlight} iterations at once: the parts' shares add up to it.
     *
     * @throws IllegalArgumentException when a part would get none
     */
    int maxInFlightOf(int maxInFlight) {
        if (maxInFlight < count) {
            throw new IllegalArgumentException("maxInFlight: " + maxInFlight + " cannot be shared by " + count
                    + " load generators; give at least " + count);
        }
        return usersOf(maxInFlight);
    }

    /**
     * Refuses a plan that leaves a part without work (a closed-model part needs a user at the run's
     * peak, an open-model part an iteration in flight), and a start too far ahead.
     *
     * @throws IllegalArgumentException naming the field and what to give instead
     */
    void requireFits(RunPlan plan) {
        if (plan instanceof LoadPlan closed && closed.peakUsersWithWarmUp() < count) {
            throw new IllegalArgumentException("users: " + closed.peakUsersWithWarmUp() + " cannot be shared by " + count
                    + " load generators; give at least " + count + " users, or fewer generators");
        }
        if (plan instanceof OpenLoadPlan open) {
            maxInFlightOf(open.maxInFlight());
        }
        if (startAt != null && Duration.between(Instant.now(), startAt).compareTo(MAX_WAIT) > 0) {
            throw new IllegalArgumentException("startAt: " + startAt + " is more than " + MAX_WAIT.toMinutes()
                    + " minutes away; are the generators' clocks set?");
        }
    }

    /**
     * Sleeps until {@link #startAt()}; returns at once when it has passed (the part's late start then
     * shows in its result's {@code startedAt}), or when interrupted, with the interrupt kept for the run.
     */
    void awaitStart() {
        if (startAt == null) {
            return;
        }
        Duration wait = Duration.between(Instant.now(), startAt);
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "part " + (index + 1) + " of " + count;
    }
}
