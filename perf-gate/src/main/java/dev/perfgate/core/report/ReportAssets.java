package dev.perfgate.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The HTML report's page, style and scripts, kept as resource files beside this class so that they read
 * (and diff) as HTML, CSS and JavaScript rather than as Java strings.
 *
 * <pre>{@code
 * String page = ReportAssets.read("report.html");
 * }</pre>
 */
final class ReportAssets {

    private ReportAssets() {
    }

    /** The resource {@code name} of this package, as text without its final line break. */
    static String read(String name) {
        try (InputStream in = ReportAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("perf-gate's jar lacks the report asset " + name + " (dev/perfgate/core/report/): rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report asset " + name, e);
        }
    }
}
