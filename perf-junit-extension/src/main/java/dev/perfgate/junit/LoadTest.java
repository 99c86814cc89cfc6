package dev.perfgate.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Turns a test method into a load test: the method is one iteration of a virtual user, and
 * {@link #users()} users repeat it against the application declared with {@link App} for
 * {@link #warmUp()} (not measured) and then {@link #duration()} (measured). Each request made
 * through the {@code Http} parameter is timed into an HdrHistogram per operation; the result is
 * written to {@code target/perf-results/<testId>.json}, where the perfgate Maven plugin compares it
 * with the committed baseline.
 *
 * <h2>Usage</h2>
 * <pre>{@code
 * class GreetingLoadIT {
 *     @App
 *     static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile").withPort(8080).withHealthPath("/health");
 *
 *     @LoadTest(users = 8, warmUp = "2s", duration = "10s")
 *     void greeting(Http http, VirtualUser user) {
 *         http.get("greeting", "/api/greeting?name=user-" + user.id());
 *     }
 * }
 * }</pre>
 *
 * <h2>Parameters</h2>
 * The method may declare {@link dev.perfgate.core.http.Http} (this user's client, bound to the
 * application) and {@link dev.perfgate.core.engine.VirtualUser} (its id and iteration), besides any
 * parameter another extension resolves. An exception the method throws counts as a failed check;
 * the users go on until the run ends.
 * With {@link UserType @UserType}s the users run weighted {@link Task @Task}s instead, and the method
 * runs once per user before its first task ({@code docs/user-mix.md}); {@link CsvFeeder @CsvFeeder}
 * gives each user its own data.
 *
 * <h2>Overrides</h2>
 * System properties override the annotation for every load test of the JVM, e.g. a shorter run on
 * a laptop: {@value #USERS_PROPERTY}, {@value #DURATION_PROPERTY}, {@value #WARM_UP_PROPERTY},
 * {@value #THINK_TIME_PROPERTY}, {@value #REQUEST_TIMEOUT_PROPERTY}, {@value #ARRIVAL_RATE_PROPERTY},
 * {@value #ITERATIONS_PROPERTY}.
 *
 * <h2>Progress and resources</h2>
 * While it runs, a load test prints a progress line every 5 s ({@value #PROGRESS_INTERVAL_PROPERTY});
 * the result records the CPU and memory of the application's container in the measured phase.
 *
 * <h2>Outcome</h2>
 * The test fails when no request succeeded or the run was aborted; the result file is written in
 * every case. Regressions against the baseline are decided by the Maven plugin, not here.
 *
 * @since 0.1
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(LoadTestExtension.class)
public @interface LoadTest {

    /** System property overriding {@link #users()}: {@value}. */
    String USERS_PROPERTY = "perfgate.users";
    /** System property overriding {@link #duration()}: {@value}. */
    String DURATION_PROPERTY = "perfgate.duration";
    /** System property overriding {@link #warmUp()}: {@value}. */
    String WARM_UP_PROPERTY = "perfgate.warmUp";
    /** System property overriding {@link #thinkTime()}: {@value}. */
    String THINK_TIME_PROPERTY = "perfgate.thinkTime";
    /** System property overriding {@link #requestTimeout()}: {@value}. */
    String REQUEST_TIMEOUT_PROPERTY = "perfgate.requestTimeout";
    /** System property overriding {@link #arrivalRate()}: {@value}. */
    String ARRIVAL_RATE_PROPERTY = "perfgate.arrivalRate";
    /** System property overriding {@link #stages()}: {@value}. */
    String STAGES_PROPERTY = "perfgate.stages";
    /** System property overriding {@link #pattern()}: {@value}. */
    String PATTERN_PROPERTY = "perfgate.pattern";
    /** System property choosing the {@link #profile()} of every load test of the run: {@value}, e.g. {@code soak}. */
    String PROFILE_PROPERTY = "perfgate.profile";
    /** System property overriding {@link #iterations()}: {@value}. */
    String ITERATIONS_PROPERTY = "perfgate.iterations";
    /**
     * System property setting how often a running load test prints a progress line: {@value}, e.g.
     * {@code 1s}; default {@code 5s}, {@code 0s} for none.
     */
    String PROGRESS_INTERVAL_PROPERTY = "perfgate.progressInterval";
    /** System property naming the folder result files are written to: {@value}; default {@code target/perf-results}. */
    String RESULTS_DIR_PROPERTY = "perfgate.resultsDir";

    /** Concurrent virtual users, 1 to 10000; 0 (unset): the {@link #profile()}'s, else 1. */
    int users() default 0;

    /** Measured time, e.g. {@code "30s"}, {@code "2m"}, {@code "1m30s"}; unset: the profile's, else {@code "10s"}. */
    String duration() default "";

    /**
     * Time before measuring starts, excluded from the figures, e.g. {@code "5s"}; {@code "0s"} for none;
     * unset: the profile's, else {@code "2s"}. The warm-up applies the test's load, or a heavier one of its
     * own: {@code "10s at 500/s"} (open model) or {@code "5s with 4 users"} (closed model; the extra users
     * leave when it ends, each after its iteration). A JIT compiles after so many calls, not so many
     * seconds, so a test at a low rate or with one user warms up faster under more load (below what the
     * app serves without queueing: the warm-up's unfinished requests run into the measured phase).
     */
    String warmUp() default "";

    /**
     * Pause of each user after each iteration: fixed ({@code "100ms"}), drawn uniformly from a range
     * ({@code "5s..15s"}) or from an exponential distribution of that mean ({@code "~100ms"}).
     * {@code "0s"} (the default) makes every user send its next request at once: a saturating load,
     * whose tail latencies mostly measure queueing. Unset: the profile's.
     */
    String thinkTime() default "";

    /**
     * Iterations after which each user stops (a session limit, warm-up included), e.g. {@code 50};
     * 0 (the default) for no limit but the run's end.
     */
    long iterations() default 0;

    /**
     * Closed model: users started and stopped over time instead of {@link #users()} for {@link #duration()},
     * e.g. {@code "ramp 0->20 over 10s, hold 20 for 30s, ramp 20->0 over 5s"}; the measured phase
     * lasts the stages together and {@link #duration()} does not apply. Users leave between
     * iterations, never mid-request. The result records the figures of each stage and of each second.
     */
    String stages() default "";

    /**
     * Switches to the open model: iterations start at this rate whatever the application's speed,
     * e.g. {@code "50/s"}, or ramping over the measured phase, {@code "10/s..100/s"}. Latency is then
     * measured from each arrival's intended start (no coordinated omission); {@link #users()},
     * {@link #thinkTime()} and {@link #iterations()} do not apply. Empty (the default): the closed model.
     */
    String arrivalRate() default "";

    /**
     * Open model: iterations that may run at once; an arrival due while this many run is dropped and
     * counted. 0 (the default): the peak rate times one second, from 8 to 2000.
     */
    int maxInFlight() default 0;

    /** Longest a single request may take before it counts as a timeout error; unset: the profile's, else {@code "10s"}. */
    String requestTimeout() default "";

    /**
     * A named profile the unset attributes are taken from: {@code "smoke"}, {@code "load"},
     * {@code "stress"}, {@code "spike"}, {@code "soak"} (built in) or one of the team's
     * {@code perfgate-profiles.properties}; {@value #PROFILE_PROPERTY} chooses one for the whole run.
     * See {@code docs/profiles.md}.
     */
    String profile() default "";

    /**
     * A load that reports what it is for, in place of {@link #users()} and {@link #duration()}:
     * {@code "spike 1->200->1 users for 10s/5s/20s"} (recovery time after the peak),
     * {@code "stress 10->60 users step 10 every 10s"} (stops at the first step that misses an {@link Slo};
     * the breaking point is the highest step that held) or {@code "soak 20 users for 30m"} (p95 drift);
     * rates such as {@code "5/s->100/s->5/s"} for the open model. See {@code docs/stages.md}.
     */
    String pattern() default "";

    /** System property overriding {@link #workers()}: {@value}. */
    String WORKERS_PROPERTY = "perfgate.workers";

    /**
     * System property choosing what starts the workers of a distributed run: {@value}, {@code local}
     * (the default), {@code swarm} or {@code kubernetes}.
     */
    String ORCHESTRATOR_PROPERTY = "perfgate.orchestrator";

    /**
     * Load generators the run is spread over: each runs this method for its share of the users or
     * arrivals, all on one shared start, and their results are merged without loss (histograms added)
     * into the one result the gate reads. 0 or 1 (the default): the test's own JVM generates the load.
     * More start worker processes on this machine, which escapes the limits of one JVM, or, chosen with
     * {@value #ORCHESTRATOR_PROPERTY}, the tasks of a Docker swarm service or the pods of a Kubernetes Job.
     * See {@code docs/distributed.md}.
     */
    int workers() default 0;

    /**
     * The test id: the result's file name and the baseline it is compared with. Default
     * {@code <SimpleClassName>.<methodName>}. Keep it stable: renaming it orphans the baseline. A
     * second class claiming an id in one build (two {@code SearchLoadIT} in other packages) is refused:
     * give one of them an id of its own, e.g. {@code "catalog.SearchLoadIT.search"}.
     */
    String id() default "";
}
