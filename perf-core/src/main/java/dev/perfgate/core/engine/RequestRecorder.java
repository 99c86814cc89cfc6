package dev.perfgate.core.engine;

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
}
