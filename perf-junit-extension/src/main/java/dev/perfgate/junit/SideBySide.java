package dev.perfgate.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link LoadTest} side by side with the reference version of its application, so that a
 * noisy machine can still show a small regression: both containers start, each warms up, then
 * {@link #pairs()} pairs of {@link #trial()}-long trials run the same load against one version at a
 * time, the order within each pair drawn at random. The Maven plugin decides on the pairs'
 * differences; no baseline figures from another day are needed.
 *
 * <h2>Usage</h2>
 * <pre>{@code
 * @App
 * static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile")
 *         .withReference(AppUnderTest.fromDockerfile("Dockerfile").withBuildArg("VERSION", "1.4.0"));
 *         // or a released image: .withReferenceImage("registry.example.com/shop:1.4.0")
 *
 * @LoadTest(users = 4, warmUp = "5s")
 * @SideBySide(pairs = 10, trial = "5s")
 * void search(Http http) {
 *     http.get("search", "/search?q=shoes");
 * }
 * }</pre>
 *
 * <h2>Warm-up</h2>
 * A pair is only as quiet as the two JVMs are steady: give {@link LoadTest#warmUp()} enough requests for
 * the JIT to compile the request path (it counts calls, not seconds; e.g. {@code "25s with 4 users"}).
 * On the sample app, pairs measured in the first seconds after a short warm-up spread about 6 %, pairs of
 * steady JVMs about 1 % (bench/RESULTS.md, "Steady pairs: the noise was the JIT"). When the last quarter
 * of the pairs ran more than 10 % faster than the first, the test log and {@code perf:check} warn that
 * the apps were still warming up.
 *
 * <h2>Overrides</h2>
 * The system property {@value #PROPERTY} turns it on (or changes it) for every load test of the JVM
 * whose application declares a reference, e.g. {@code -Dperfgate.sideBySide=pairs:12,instances:6,trial:2s,seed:42};
 * {@code off} turns it off. {@code -Dperfgate.reference=git:origin/main} gives every application a
 * reference built from that git ref ({@link AppUnderTest#withReferenceFromGit}) and runs every load test
 * side by side. The measured duration of {@link LoadTest#duration()} does not apply: the
 * load lasts {@code 2 x pairs x trial} plus both warm-ups of each instance.
 *
 * <h2>Limits</h2>
 * A closed model without stages, or an open model at a constant rate: every trial must apply the same
 * load. The two containers share the machine, but only one is under load at a time (interleaved, both are,
 * each from about half the users; with one user, one request at a time). Several instances
 * need an application perfgate can start again (an image, a Dockerfile, a jar), not a container the
 * test built ({@link AppUnderTest#fromContainer}).
 *
 * @since 0.2
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SideBySide {

    /** System property turning side-by-side on, off or changing it: {@value}, e.g. {@code pairs:10,trial:5s,seed:42} or {@code off}. */
    String PROPERTY = "perfgate.sideBySide";

    /**
     * Pairs of trials over all instances, 1 to 1000 and at least {@link #instances()}; with one instance and 4 gated
     * metrics, 7 is the fewest that can reach significance 0.05.
     */
    int pairs() default 10;

    /**
     * Instances of each version, 1 to 50, the pairs spread evenly over them (the first instances take one more of
     * the rest). Two containers of one image are two JVMs whose JIT and memory layout differ, often by a few
     * percent, for as long as they run: pairs on one instance of each cannot tell that from a change. With
     * several, each instance pair is a fresh container of each version with its own warm-up, and the gate
     * decides on the instances' differences (a t test), so what it calls a change is more than the JVMs'
     * spread. The first instance is the test class's own container, the others start and stop within the
     * test. The load lasts {@code instances x 2 x warmUp + 2 x pairs x trial}. The JVMs differ most while they
     * warm up: two steady JVMs of the sample app differed by -0.4 % to +2 %, so one instance warmed up to
     * steady state can decide a change of 4 % or more there.
     */
    int instances() default 1;

    /** The measured time of each trial, e.g. {@code "5s"}. */
    String trial() default "5s";

    /** The seed of the trials' order; 0 (the default) draws one, which the result records. */
    long seed() default 0;

    /**
     * Whether each pair is one trial in which every user sends its requests to both versions in turn (each round
     * of two in an order drawn from the seed), rather than two trials of one version each. A machine whose speed
     * wanders over seconds slows both versions alike then: on a noisy 2-core VM the pairs' spread fell from 5 to
     * 13 % to 1 to 2 % (bench/RESULTS.md). Both versions are under load at the same time, each from about half
     * the users; a version's throughput is per second of the users' time it had. Closed model only.
     */
    boolean interleaved() default false;
}
