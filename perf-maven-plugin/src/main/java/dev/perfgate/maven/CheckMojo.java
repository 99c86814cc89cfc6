package dev.perfgate.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Compares every load-test result of the module with its committed baseline and fails the build
 * on a regression: a latency percentile or the error rate that rose, or a throughput that fell,
 * beyond the tolerance. Prints one table of every compared metric.
 *
 * <pre>
 * mvn verify                          # runs the load tests, then this gate
 * mvn verify -Dperf.tolerance=20      # a looser gate for one run
 * </pre>
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractCheckMojo {

    @Override
    boolean gates() {
        return true;
    }

    @Override
    String goal() {
        return "check";
    }
}
