package dev.perfgate.core.cli;

/** A command line that cannot be run; the message names the option at fault and shows a valid example. */
public final class UsageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
