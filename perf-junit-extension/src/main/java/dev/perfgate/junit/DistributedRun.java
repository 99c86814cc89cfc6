package dev.perfgate.junit;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.perfgate.core.engine.LoadEngine;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResourceResult;
import dev.perfgate.core.result.ResultMerge;

/**
 * A load test spread over several load generators, from the coordinator's side: has the workers started
 * ({@link Orchestrator}), gives them one start, samples the application's container
 * meanwhile, and merges their parts' results into the run's ({@link ResultMerge}). A worker that fails,
 * is late or writes nothing fails the run, naming it; the parts' results and the workers' logs stay in
 * {@code <resultsDir>/parts/<testId>/}.
 *
 * <pre>{@code
 * DistributedRun.Outcome run = DistributedRun.run(settings, app, testClass, method, progress);
 * }</pre>
 */
final class DistributedRun {

    /** Longest the workers may take to start and reach their part. */
    static final Duration READY_WAIT = Duration.ofMinutes(2);
    /** Latest a part may start after the shared start: later, its windows would not line up with the others'. */
    static final Duration LATE = Duration.ofSeconds(1);
    /** Time for a worker to write its result and end, after its part's last request could have timed out. */
    static final Duration END_GRACE = Duration.ofSeconds(30);

    private DistributedRun() {
    }

    /** The merged result of the parts, and the application container's resources in the measured phase ({@code null}: not sampled). */
    record Outcome(LoadTestResult merged, ResourceResult resources) {
    }

    static Outcome run(LoadTestSettings settings, RunningApp app, Class<?> testClass, Method method, ProgressReporter progress) {
        Distribution distribution = settings.distribution();
        Path folder = settings.resultsDir().resolve("parts").resolve(settings.testId());
        WorkerLaunch launch = new WorkerLaunch(settings.testId(), distribution.workers(), testClass, method,
                distribution.workerTarget(app.baseUri()), folder);
        Console.say(settings.testId() + ": spread over " + launch.count() + " workers started by "
                + distribution.orchestrator().propertyValue() + ", against " + launch.target() + " (" + folder + ")");
        Workers workers = distribution.orchestrator().start(launch, distribution.startLead());
        // Ctrl-C or a build timeout must not leave workers loading the app, nor a swarm service behind.
        StopOnExit.register(workers);
        try (ResourceSampler sampler = ResourceSampler.start(app.containerId());
                progress) {
            Instant start = workers.begin(READY_WAIT);
            progress.startedOnWorkers(start, settings.plan().warmUp(), settings.plan().duration(), launch.count());
            long startNanos = System.nanoTime() + Duration.between(Instant.now(), start).toNanos();
            Duration run = settings.plan().warmUp().plus(settings.plan().duration()).plus(settings.plan().requestTimeout())
                    .plusSeconds(LoadEngine.STOP_GRACE_SECONDS).plus(END_GRACE);
            List<LoadTestResult> parts = workers.awaitParts(run);
            requireOnTime(parts, start.plus(settings.plan().warmUp()));
            long measuredStart = startNanos + settings.plan().warmUp().toNanos();
            ResourceResult resources = sampler.result(measuredStart, measuredStart + settings.plan().duration().toNanos());
            return new Outcome(ResultMerge.of(parts), resources);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("load test " + settings.testId() + " was interrupted while its workers ran", e);
        } finally {
            StopOnExit.stop(workers);
        }
    }

    /** Fails the run when a part's measured phase began more than {@link #LATE} after {@code measuredStart}. */
    private static void requireOnTime(List<LoadTestResult> parts, Instant measuredStart) {
        for (LoadTestResult part : parts) {
            Duration late = Duration.between(measuredStart, Instant.parse(part.startedAt()));
            if (late.compareTo(LATE) > 0) {
                throw new AssertionError(part.testId() + ": " + part.segment() + " started " + late.toMillis()
                        + " ms after the others; its windows would not line up with theirs (was its machine overloaded?)");
            }
        }
    }
}
