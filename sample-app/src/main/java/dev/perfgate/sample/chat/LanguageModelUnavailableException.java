package dev.perfgate.sample.chat;

/** The language model could not answer (error status, timeout, broken answer). */
public class LanguageModelUnavailableException extends RuntimeException {

    public LanguageModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
