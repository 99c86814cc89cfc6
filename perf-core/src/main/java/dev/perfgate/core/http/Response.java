package dev.perfgate.core.http;

import dev.perfgate.core.engine.ErrorKind;

/**
 * What a request returned.
 *
 * @param status the HTTP status, or 0 when no response arrived
 * @param body   the response body as text, empty when none arrived
 * @param error  why the request counts as failed, or {@code null} when it succeeded
 */
public record Response(int status, String body, ErrorKind error) {

    /** Whether the request succeeded (a response below 400 arrived). */
    public boolean ok() {
        return error == null;
    }
}
