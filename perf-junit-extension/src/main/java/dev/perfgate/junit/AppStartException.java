package dev.perfgate.junit;

/** The application under test could not be built, started or reached; the message carries its log tail. */
public final class AppStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AppStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
