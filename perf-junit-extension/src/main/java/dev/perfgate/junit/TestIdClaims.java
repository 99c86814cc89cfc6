package dev.perfgate.junit;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.TestIds;

/**
 * Refuses a second test class that claims a test id already taken in this build. Ids are
 * {@code SimpleClassName.method}, so two {@code SearchLoadIT} classes in different packages would
 * write one result file and be compared with one baseline: the second would silently replace the first.
 */
final class TestIdClaims {

    // id -> the class that claimed it in this JVM
    private static final Map<String, String> CLAIMED = new ConcurrentHashMap<>();

    private TestIdClaims() {
    }

    /**
     * Claims {@code testId} for {@code testClass}, before the test runs; fails when another class claimed it in this
     * JVM, or wrote its result file since this JVM started (another fork of the same build).
     */
    static void claim(String testId, Class<?> testClass, Path resultsDir) {
        String owner = testClass.getName();
        String previous = CLAIMED.putIfAbsent(testId, owner);
        if (previous != null && !previous.equals(owner)) {
            throw collision(testId, previous, testClass, resultsDir);
        }
        String writer = writerSinceThisJvmStarted(ResultFiles.fileOf(resultsDir, testId));
        if (writer != null && !writer.equals(owner)) {
            throw collision(testId, writer, testClass, resultsDir);
        }
    }

    private static String writerSinceThisJvmStarted(Path file) {
        try {
            if (!Files.isRegularFile(file)
                    || Files.getLastModifiedTime(file).toMillis() < ManagementFactory.getRuntimeMXBean().getStartTime()) {
                return null;
            }
        } catch (IOException e) {
            return null; // unreadable: not evidence of another class
        }
        return ResultFiles.testClassOf(file);
    }

    private static ExtensionConfigurationException collision(String testId, String otherClass, Class<?> testClass, Path resultsDir) {
        return new ExtensionConfigurationException("@LoadTest in " + testClass.getName() + ": its test id '" + testId + "' is taken by "
                + otherClass + " in this build; both would write " + ResultFiles.fileOf(resultsDir, testId) + " and be compared with"
                + " one baseline. Give one of them an id of its own, e.g. @LoadTest(id = \"" + TestIds.ownId(testClass.getName(), testId) + "\")");
    }

    /** For tests: forget the claims of this JVM. */
    static void forgetClaims() {
        CLAIMED.clear();
    }
}
