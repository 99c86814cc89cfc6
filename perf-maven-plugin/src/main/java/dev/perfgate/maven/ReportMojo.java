package dev.perfgate.maven;

import org.apache.maven.plugins.annotations.Mojo;

/**
 * Compares the module's results with their baselines exactly as {@code check} does and writes
 * {@code target/perf-report/} (summary.md, comparison.json, junit.xml), without failing the build.
 *
 * <pre>
 * mvn perf:report          # after the load tests ran
 * </pre>
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractCheckMojo {

    @Override
    boolean gates() {
        return false;
    }

    @Override
    String goal() {
        return "report";
    }
}
