package dev.perfgate.core.check;

/**
 * One line the gate has to say besides its table: a warning (something the user should act on) or
 * information. A front end prints it in its own way (Maven's log, the console).
 *
 * @param warning whether it is a warning
 * @param text    the line, starting with {@code "perfgate: "}
 */
public record CheckMessage(boolean warning, String text) {

    static CheckMessage info(String text) {
        return new CheckMessage(false, text);
    }

    static CheckMessage warn(String text) {
        return new CheckMessage(true, text);
    }
}
