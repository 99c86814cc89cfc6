package dev.perfgate.core.result;

/** How the run that produced a result ended. */
public enum ResultStatus {
    /** The run completed and its test passed. */
    PASSED,
    /** The run completed but its test failed (e.g. no request succeeded). */
    FAILED,
    /** The run did not complete (deadline, interrupted, app died); its figures are partial. */
    ABORTED
}
