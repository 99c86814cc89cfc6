package dev.perfgate.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.PrintWriter;

import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The main class of a worker process of a distributed {@link LoadTest}: runs the one test method through
 * the JUnit Platform, as the test's own build would, so that the class's set-up, its user types and
 * feeders run as they do there. The extension, seeing the worker's system properties ({@link PartRun}),
 * runs this worker's part instead of the whole load. Exits 0 when the method passed, 1 otherwise.
 *
 * <pre>{@code
 * java -cp <test classpath> -Dperfgate.worker.part=1/4 -Dperfgate.worker.target=http://localhost:8080
 *      -Dperfgate.worker.folder=target/perf-results/parts/SearchLoadIT.search
 *      dev.perfgate.junit.LoadTestWorker com.example.SearchLoadIT search dev.perfgate.core.http.Http
 * }</pre>
 */
public final class LoadTestWorker {

    private LoadTestWorker() {
    }

    /**
     * Runs one test method.
     *
     * @param args the test class, the method's name and its parameter types, comma-separated (may be empty)
     */
    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: LoadTestWorker <test class> <method> [<parameter types, comma-separated>]");
            System.exit(2);
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(args[0], args[1], args.length == 3 ? args[2] : "")).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        summary.printFailuresTo(out, 30);
        boolean passed = summary.getTestsSucceededCount() == 1 && summary.getTotalFailureCount() == 0;
        if (!passed) {
            out.println("[perfgate] worker: " + args[0] + "." + args[1] + " found " + summary.getTestsFoundCount()
                    + " test(s), " + summary.getTestsSucceededCount() + " passed");
        }
        out.flush();
        System.exit(passed ? 0 : 1);
    }
}
