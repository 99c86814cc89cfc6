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
 * machine's noise cancels in each pair of trials (docs/regression-detection.md). One instance of each
 * version: both start and warm up together for 50 s with four users (25 s each, interleaved), then 40
 * pairs of 1 s trials in which the one user sends its requests to A and B in a random order each round;
 * 90 s of load in all. One user without think time: each request's latency is its cost, not a queue.
 *
 * <p>Why this shape (bench/RESULTS.md, "Steady pairs: the noise was the JIT"): a pair is only as quiet as the
 * JVMs it measures are steady. The app's JIT needs about 20,000 requests a version to compile its request
 * path, 40-50 s of four users on a two-core machine; measured sooner, both versions are still getting faster
 * through the trials and the pairs spread about 6 % (six instances warmed for 5 s each could not resolve a
 * 5 % change often enough). Warmed up to steady state, the pairs spread about 1 % and two JVMs of one build
 * differ by -0.4 % to +2 %, under the sample's 4 % minimum effect, so one instance decides (the Wilcoxon test
 * over its 40 pairs). perfgate warns when the first pairs were markedly slower than the last
 * ({@code WarmUpDrift}).
 * The sample gates it on the median and the errors at a 4 % minimum effect (sample-app/pom.xml).
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

    @LoadTest(users = 1, warmUp = "25s with 4 users")
    @SideBySide(pairs = 40, trial = "1s", interleaved = true)
    void reminders(Http http, VirtualUser user) {
        Assistant.reminders(http, user);
    }

    private static AppUnderTest withReference(AppUnderTest candidate) {
        String image = System.getProperty(REFERENCE_IMAGE_PROPERTY, "");
        return image.isBlank() ? candidate.withReference(SampleApp.untouched(SampleApp.languageModel()))
                : candidate.withReferenceImage(image.strip());
    }
}
