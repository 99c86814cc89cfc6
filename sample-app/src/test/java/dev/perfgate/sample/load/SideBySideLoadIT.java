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
 * machine's noise cancels in each pair of trials (docs/regression-detection.md): six instances of each
 * version, each a fresh container that warms up for 5 s and then runs two pairs of 1.5 s trials in a
 * random order; 96 s of load. One user without think time: each request's latency is its cost, not a
 * queue. Six instances because two JVMs of the same build differ by up to 5.6 % for as long as they
 * run (A/A runs with one instance each, bench/RESULTS.md): the gate decides on the instances.
 *
 * <p>Reminders rather than XP: a reminders request (a database query, about 0.6 ms here) varied 2-3 %
 * between the two trials of a pair in A/A runs, an XP request (0.3 ms, mostly the web stack) 6-10 %.
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

    @LoadTest(users = 1, warmUp = "5s")
    @SideBySide(pairs = 12, instances = 6, trial = "1500ms")
    void reminders(Http http, VirtualUser user) {
        Assistant.reminders(http, user);
    }

    private static AppUnderTest withReference(AppUnderTest candidate) {
        String image = System.getProperty(REFERENCE_IMAGE_PROPERTY, "");
        return image.isBlank() ? candidate.withReference(SampleApp.untouched(SampleApp.languageModel()))
                : candidate.withReferenceImage(image.strip());
    }
}
