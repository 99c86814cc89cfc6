package dev.perfgate.core.http;

/** Receives the outcome of each request a virtual user makes. */
public interface RequestRecorder {

    /**
     * Records one request.
     *
     * @param operation    the operation name the request was made under
     * @param startNanos   {@link System#nanoTime()} when the request was started
     * @param latencyNanos time from start to the complete response (or to the failure)
     * @param error        why it failed, or {@code null} on success
     */
    void record(String operation, long startNanos, long latencyNanos, ErrorKind error);

    /**
     * Records one request whose response failed a check, as a {@link ErrorKind#CHECK} error, with
     * {@code failure} saying which check and why (a recorder may keep it for the result).
     */
    default void recordFailedCheck(String operation, long startNanos, long latencyNanos, String failure) {
        record(operation, startNanos, latencyNanos, ErrorKind.CHECK);
    }
}
