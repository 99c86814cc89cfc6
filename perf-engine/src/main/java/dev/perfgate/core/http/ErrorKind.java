package dev.perfgate.core.http;

/** Why a request or an iteration failed; each kind is counted apart and kept out of latency figures. */
public enum ErrorKind {
    /** The server answered 4xx. */
    HTTP_4XX("http_4xx"),
    /** The server answered 5xx. */
    HTTP_5XX("http_5xx"),
    /** No answer within the request timeout. */
    TIMEOUT("timeout"),
    /** Connecting, sending or reading failed. */
    CONNECTION("connection"),
    /** The scenario itself threw, e.g. a failed check on a response. */
    CHECK("check");

    private final String label;

    ErrorKind(String label) {
        this.label = label;
    }

    /** The name used in result files and reports. */
    public String label() {
        return label;
    }

    /** The kind for an HTTP status, or {@code null} when the status is a success. */
    public static ErrorKind ofStatus(int status) {
        if (status >= 500) {
            return HTTP_5XX;
        }
        if (status >= 400) {
            return HTTP_4XX;
        }
        return null;
    }
}
