package dev.perfgate.sample.load;

import dev.perfgate.core.engine.VirtualUser;
import dev.perfgate.core.http.Http;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;
import dev.perfgate.junit.SideBySide;
import dev.perfgate.junit.Slo;

/**
 * The reminders operation measured side by side with a reference version of the app, so that the
 * machine's noise cancels in each pair of trials (docs/regression-detection.md). Six instances of each
 * version in turn: both start, warm up together for 10 s with four users, then 5 pairs of 1 s trials in
 * which the one user sends its requests to A and B in a random order each round; 90 s of load in all. One
 * user without think time: each request's latency is its cost, not a queue.
 *
 * <p>Why this shape (bench/RESULTS.md, issue 8): pairs cancel the machine's drift, but two JVMs of one build
 * still differ by about 2 % for as long as they run (their JIT and memory layout), so one instance of each
 * takes that difference for a change; several instances make it noise the t test over their means sees, and
 * six give it 5 degrees of freedom where three gave 2. A JVM is only worth measuring once its JIT has compiled
 * the request path, which takes so many requests, not seconds: one user needed 10 s a version, four users
 * get there in 5 s, which is what pays for the three extra instances. Interleaving within a trial leaves the
 * pairs' own noise at about 6 %, against 10-20 % for trials one after the other on a busy machine. The sample
 * gates it on the median and the errors at a 4 % minimum effect (sample-app/pom.xml).
 *
 * <p>Reminders rather than XP: a reminders request (a database query) varied 2-3 % between the two trials
 * of a pair in A/A runs, an XP request (mostly the web stack) 6-10 %.
 *
 * <p>The reference is the image named by {@value #REFERENCE_IMAGE_PROPERTY} (e.g. the released version,
 * or the image of the commit the baseline was recorded at), else this build's app with none of the
 * switches turned on: then the suite is an A/A run that must not fail, and
 * {@code -Dsample.extraWorkMicros=N} or {@code -Dsample.regressions=...} make the candidate slower
 * (what {@code bench/side-by-side.sh} does to measure the gate's detection rate).
 */
@Slo(errorRate = "1%")
class SideBySideLoadIT {

    /** System property: the reference version's image; unset, the reference is this build's untouched app. */
    static final String REFERENCE_IMAGE_PROPERTY = "sample.referenceImage";

    @App
    static AppUnderTest app = withReference(SampleApp.withLanguageModel());

    @LoadTest(users = 1, warmUp = "5s with 4 users")
    @SideBySide(pairs = 30, instances = 6, trial = "1s", interleaved = true)
    void reminders(Http http, VirtualUser user) {
        Assistant.reminders(http, user);
    }

    private static AppUnderTest withReference(AppUnderTest candidate) {
        String image = System.getProperty(REFERENCE_IMAGE_PROPERTY, "");
        return image.isBlank() ? candidate.withReference(SampleApp.untouched(SampleApp.languageModel()))
                : candidate.withReferenceImage(image.strip());
    }
}
