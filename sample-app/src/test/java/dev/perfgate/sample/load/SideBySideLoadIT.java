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
 * machine's noise cancels in each pair of trials (docs/regression-detection.md): both containers start,
 * each warms up for 20 s, then 12 pairs of 2 s trials alternate between them in a random order; 88 s of
 * load. One user without think time: each request's latency is its cost, not a queue. What pairs cannot
 * cancel is the difference between two JVMs of the same build (up to 5.6 % in A/A runs), so the sample
 * gates this suite at a 10 % minimum effect (sample-app/pom.xml, bench/RESULTS.md). Several instances of
 * each version ({@code -Dperfgate.sideBySide=instances:4} and so on) average that difference out, but
 * each fresh JVM of this app needs its own 15-20 s warm-up: {@code bench/side-by-side.sh} measures it.
 *
 * <p>Reminders rather than XP: a reminders request (a database query, about 0.6 ms here) varied 2-3 %
 * between the two trials of a pair in A/A runs, an XP request (0.3 ms, mostly the web stack) 6-10 %.
 * The warm-up is long because the first trials were still 30-40 % slower after 5 s (the JIT of both
 * the app and the load generator, on two cores that the load keeps busy).
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

    @LoadTest(users = 1, warmUp = "20s")
    @SideBySide(pairs = 12, trial = "2s")
    void reminders(Http http, VirtualUser user) {
        Assistant.reminders(http, user);
    }

    private static AppUnderTest withReference(AppUnderTest candidate) {
        String image = System.getProperty(REFERENCE_IMAGE_PROPERTY, "");
        return image.isBlank() ? candidate.withReference(SampleApp.untouched(SampleApp.languageModel()))
                : candidate.withReferenceImage(image.strip());
    }
}
