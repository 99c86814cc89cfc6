package dev.perfgate.core.result;

/**
 * Test ids: {@code SimpleClassName.method} unless {@code @LoadTest(id)} sets another, so two classes of
 * one simple name in different packages would share one. Both the extension, which refuses the second
 * in a build, and the gate, which will not compare with another class's baseline, suggest the same id
 * to give one of them.
 *
 * <pre>{@code
 * TestIds.ownId("com.example.catalog.SearchLoadIT", "SearchLoadIT.search") // "catalog.SearchLoadIT.search"
 * }</pre>
 */
public final class TestIds {

    private TestIds() {
    }

    /** An id of its own for {@code testId} of {@code testClass} (fully qualified): its package's last part before the id. */
    public static String ownId(String testClass, String testId) {
        int lastDot = testClass.lastIndexOf('.');
        String packageName = lastDot < 0 ? "" : testClass.substring(0, lastDot);
        return (packageName.isEmpty() ? "other" : packageName.substring(packageName.lastIndexOf('.') + 1)) + "." + testId;
    }
}
