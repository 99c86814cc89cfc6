package dev.perfgate.core.result;

import java.nio.file.Path;

/** A result or baseline file that cannot be used; the message names the file and what to do. */
public final class InvalidResultFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** {@code problem} completes a sentence that starts with the file name, e.g. {@code "is not JSON: ..."}. */
    public InvalidResultFileException(Path file, String problem) {
        super(file + " " + problem);
        this.file = file;
    }

    /** The file that cannot be used. */
    public Path file() {
        return file;
    }
}
