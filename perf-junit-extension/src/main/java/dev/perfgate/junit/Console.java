package dev.perfgate.junit;

/**
 * The one place perfgate speaks on the test's console: every line starts with {@code [perfgate]}, and a
 * warning says so, so that a user can grep a build log for both. Standard output, read at each call, so
 * that a build tool capturing it (Surefire's report files) keeps the lines with the test.
 *
 * <pre>{@code
 * Console.say("result written to " + file);   // [perfgate] result written to target/perf-results/Shop.browse.json
 * Console.warn("no CPU figures");             // [perfgate] warning: no CPU figures
 * }</pre>
 */
final class Console {

    private static final String PREFIX = "[perfgate] ";

    private Console() {
    }

    /** Prints {@code line} for the user. */
    static void say(String line) {
        System.out.println(PREFIX + line);
    }

    /** Prints {@code line} as a warning: something the user should act on. */
    static void warn(String line) {
        System.out.println(PREFIX + "warning: " + line);
    }
}
