package dev.perfgate.core.engine.eventloop;

/**
 * The constant-rate schedule of an event-loop run (as wrk2 paces it): connection slot {@code k} of
 * {@code n} sends its {@code i}-th request at {@code start + (i + k / n) * n / rate}, so the slots
 * together send {@code rate} requests per second, evenly spread. A slot whose previous response is
 * late sends as soon as it can, and the request's latency is measured from when it was due: the
 * waiting is the server's slowness, not hidden (no coordinated omission). Confined to the slot's
 * event loop; a replacement connection takes over its slot's schedule.
 */
final class Pacing {

    private final long intervalNanos;
    private final long[] nextDue;

    /**
     * @param startNanos  when the schedule starts (the run's start, warm-up included)
     * @param perSecond   requests per second of all slots together, more than zero
     * @param slots       connection slots of this event loop
     * @param firstSlot   the run-wide index of this loop's first slot
     * @param totalSlots  slots of the whole run
     */
    Pacing(long startNanos, double perSecond, int slots, int firstSlot, int totalSlots) {
        this.intervalNanos = Math.max(1, Math.round(totalSlots * 1e9 / perSecond));
        this.nextDue = new long[slots];
        for (int i = 0; i < slots; i++) {
            nextDue[i] = startNanos + Math.round((double) (firstSlot + i) / totalSlots * intervalNanos);
        }
    }

    /** When slot {@code slot}'s next request is due. */
    long due(int slot) {
        return nextDue[slot];
    }

    /** Moves slot {@code slot} on to its following request. */
    void advance(int slot) {
        nextDue[slot] += intervalNanos;
    }
}
