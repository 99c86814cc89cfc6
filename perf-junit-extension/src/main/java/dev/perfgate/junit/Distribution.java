package dev.perfgate.junit;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

import dev.perfgate.core.engine.Segment;
import dev.perfgate.core.http.LoopbackTarget;

/**
 * How many load generators a {@link LoadTest} is spread over, and what starts them: one runs the load
 * in the test's JVM; more are started by an {@link Orchestrator}, each running one part of the plan
 * ({@link Segment}), and their results are merged.
 *
 * <p>Workers in containers may run on other machines, where {@code localhost} is not the application's
 * host: they need the host they reach it by named, {@value #TARGET_HOST_PROPERTY}, and that host named in
 * {@value LoopbackTarget#ALLOW_HOSTS_PROPERTY} too. Nothing is assumed by default.
 *
 * @param workers the load generators, 1 to {@value Segment#MAX_COUNT}
 * @param orchestrator what starts the workers
 * @param targetHost the host workers in containers reach the application by; {@code null} for local workers
 * @param startLead between placing workers in containers and their shared start
 */
record Distribution(int workers, Orchestrator orchestrator, String targetHost, Duration startLead) {

    /** The load in the test's own JVM. */
    static final Distribution NONE = new Distribution(1, Orchestrator.LOCAL, null, Duration.ZERO);

    /** System property naming the host that workers in containers reach the application by: {@value}. */
    static final String TARGET_HOST_PROPERTY = "perfgate.workers.targetHost";
    /** System property: seconds between placing workers in containers and their shared start: {@value}. */
    static final String START_LEAD_PROPERTY = "perfgate.workers.startLead";

    /** Whether the run is spread over several generators. */
    boolean isDistributed() {
        return workers > 1;
    }

    /**
     * The application's base URI as the workers reach it: {@code appUri} itself for local workers, else with
     * its host replaced by {@link #targetHost}, which must be named in {@value LoopbackTarget#ALLOW_HOSTS_PROPERTY}.
     *
     * @throws IllegalArgumentException naming the property to set
     */
    URI workerTarget(URI appUri) {
        if (!orchestrator.isRemote()) {
            return appUri;
        }
        String example = " e.g. -D" + TARGET_HOST_PROPERTY + "=10.0.0.5 -D" + LoopbackTarget.ALLOW_HOSTS_PROPERTY + "=10.0.0.5";
        if (targetHost == null) {
            throw new IllegalArgumentException("system property " + TARGET_HOST_PROPERTY + ": workers started by "
                    + orchestrator.propertyValue() + " run in containers, maybe on other machines; name the host they reach the"
                    + " application at (port " + appUri.getPort() + ") and allow load to it," + example);
        }
        if (!LoopbackTarget.allowedHosts(System.getProperty(LoopbackTarget.ALLOW_HOSTS_PROPERTY))
                .contains(targetHost.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("system property " + LoopbackTarget.ALLOW_HOSTS_PROPERTY + ": the workers' target"
                    + " host " + targetHost + " (" + TARGET_HOST_PROPERTY + ") must be named there too, so that load goes only"
                    + " where it was meant to," + example);
        }
        try {
            return new URI(appUri.getScheme(), appUri.getUserInfo(), targetHost, appUri.getPort(), appUri.getPath(),
                    appUri.getQuery(), appUri.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("system property " + TARGET_HOST_PROPERTY + ": '" + targetHost
                    + "' is not a host name or IP address", e);
        }
    }

    /**
     * The workers {@code annotation} and the {@value LoadTest#WORKERS_PROPERTY},
     * {@value LoadTest#ORCHESTRATOR_PROPERTY}, {@value #TARGET_HOST_PROPERTY} and {@value #START_LEAD_PROPERTY}
     * properties ask for; none inside a worker, which runs its part.
     *
     * @throws IllegalArgumentException naming the attribute or property and a valid value
     */
    static Distribution of(LoadTest annotation, String owner) {
        if (PartRun.inWorker()) {
            return NONE;
        }
        String override = System.getProperty(LoadTest.WORKERS_PROPERTY);
        String where = override != null ? "system property " + LoadTest.WORKERS_PROPERTY : "@LoadTest(workers) on " + owner;
        long workers = override != null ? LoadTestSettings.wholeNumber(override, where, "workers", LoadTest.WORKERS_PROPERTY, 4)
                : annotation.workers();
        if (workers < 0 || workers > Segment.MAX_COUNT) {
            throw new IllegalArgumentException(where + ": " + workers + " is out of range; use 1 to " + Segment.MAX_COUNT
                    + ", e.g. 4 (0 or 1: the test's own JVM)");
        }
        Orchestrator orchestrator = Orchestrator.of(System.getProperty(LoadTest.ORCHESTRATOR_PROPERTY, "local"));
        String targetHost = System.getProperty(TARGET_HOST_PROPERTY);
        return new Distribution((int) Math.max(1, workers), orchestrator,
                targetHost == null || targetHost.isBlank() ? null : targetHost.strip(), startLead(orchestrator));
    }

    private static Duration startLead(Orchestrator orchestrator) {
        String value = System.getProperty(START_LEAD_PROPERTY);
        if (value == null || value.isBlank()) {
            return orchestrator.defaultStartLead();
        }
        String where = "system property " + START_LEAD_PROPERTY;
        long seconds = LoadTestSettings.wholeNumber(value, where, "seconds", START_LEAD_PROPERTY, 60);
        if (seconds < 1 || seconds > 600) {
            throw new IllegalArgumentException(where + ": " + seconds + " is out of range; use 1 to 600 seconds, e.g. 60");
        }
        return Duration.ofSeconds(seconds);
    }
}
