package dev.perfgate.sample.load;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import java.time.Duration;
import java.util.Arrays;

import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.Latency;
import dev.perfgate.junit.Stub;
import dev.perfgate.sample.platform.Regressions;

/**
 * The sample app as the load suites start it: its container built from {@code Dockerfile}, the
 * language model played by a WireMock stub with a realistic latency (log-normal, median 40 ms), and
 * the regression switches named in the system property {@value #REGRESSIONS_PROPERTY} turned on, e.g.
 * {@code -Dsample.regressions=REGRESSION_INDEX_DROPPED} (see {@link Regressions}), and
 * {@value #EXTRA_WORK_PROPERTY} microseconds of extra CPU work per request when that property is set
 * (only on the paths under {@value #EXTRA_WORK_PATH_PROPERTY} when that one is set too).
 */
final class SampleApp {

    /** System property listing regression switches to turn on, comma-separated: {@value}. */
    static final String REGRESSIONS_PROPERTY = "sample.regressions";
    /** System property: microseconds of extra CPU work per request ({@link Regressions#EXTRA_WORK_MICROS}): {@value}. */
    static final String EXTRA_WORK_PROPERTY = "sample.extraWorkMicros";
    /** System property: the path prefix the extra work is limited to ({@link Regressions#EXTRA_WORK_PATH}): {@value}. */
    static final String EXTRA_WORK_PATH_PROPERTY = "sample.extraWorkPath";
    /**
     * System property: JVM options for the app's JVM in both versions, passed as {@code JAVA_TOOL_OPTIONS}
     * (e.g. {@code -XX:TieredStopAtLevel=1} to measure how JIT settings change the spread between two JVMs): {@value}.
     */
    static final String JAVA_OPTIONS_PROPERTY = "sample.javaOptions";
    /** The language model's typical answer time. */
    static final Duration LLM_MEDIAN = Duration.ofMillis(40);

    private static final String COMPLETION = "{\"choices\":[{\"message\":{\"role\":\"assistant\","
            + "\"content\":\"Great choice! Oatmeal keeps you full; add some fruit for vitamins.\"}}]}";
    private static final String[] SWITCHES = { Regressions.CACHE_DISABLED, Regressions.INDEX_DROPPED, Regressions.N_PLUS_ONE,
            Regressions.SLOW_SERIALIZATION, Regressions.SYNCHRONIZED_LLM };

    private SampleApp() {
    }

    /** The app with a language model that always answers. */
    static AppUnderTest withLanguageModel() {
        return withLanguageModel(languageModel());
    }

    /** The app with {@code languageModel} as its {@code LLM_URL}. */
    static AppUnderTest withLanguageModel(Stub languageModel) {
        AppUnderTest app = untouched(languageModel);
        String extraWork = System.getProperty(EXTRA_WORK_PROPERTY, "");
        if (!extraWork.isBlank()) {
            app = app.withEnv(Regressions.EXTRA_WORK_MICROS, Long.toString(extraWorkMicros(extraWork.strip())));
        }
        String extraWorkPath = System.getProperty(EXTRA_WORK_PATH_PROPERTY, "");
        if (!extraWorkPath.isBlank()) {
            app = app.withEnv(Regressions.EXTRA_WORK_PATH, extraWorkPath.strip());
        }
        for (String name : System.getProperty(REGRESSIONS_PROPERTY, "").split(",")) {
            if (!name.isBlank()) {
                app = app.withEnv(switchNamed(name.strip()), "true");
            }
        }
        return app;
    }

    /**
     * The app as this build's Dockerfile makes it, with none of the switches the system properties ask
     * for: the reference of the side-by-side suite.
     */
    static AppUnderTest untouched(Stub languageModel) {
        AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile").withPort(8080).withHealthPath("/health")
                .withStartupTimeout(Duration.ofSeconds(90))
                .withStub("LLM_URL", languageModel);
        String javaOptions = System.getProperty(JAVA_OPTIONS_PROPERTY, "");
        return javaOptions.isBlank() ? app : app.withEnv("JAVA_TOOL_OPTIONS", javaOptions.strip());
    }

    /** An OpenAI-style chat completion endpoint answering in about {@link #LLM_MEDIAN}. */
    static Stub languageModel() {
        return Stub.wiremock(server -> server.stubFor(post("/v1/chat/completions").willReturn(okJson(COMPLETION))))
                .withLatency(Latency.logNormal(LLM_MEDIAN, 0.25));
    }

    /** {@code text} as microseconds of extra work, refused here rather than by Spring inside the container. */
    private static long extraWorkMicros(String text) {
        try {
            long micros = Long.parseLong(text);
            if (micros >= 0) {
                return micros;
            }
        } catch (NumberFormatException e) {
            // refused below, as a negative number is
        }
        throw new IllegalArgumentException("-D" + EXTRA_WORK_PROPERTY + ": '" + text + "' is not a number of microseconds;"
                + " give 0 or more, e.g. -D" + EXTRA_WORK_PROPERTY + "=30");
    }

    private static String switchNamed(String name) {
        if (!Arrays.asList(SWITCHES).contains(name)) {
            throw new IllegalArgumentException("-D" + REGRESSIONS_PROPERTY + ": '" + name + "' is not a regression switch; use any of "
                    + String.join(",", SWITCHES));
        }
        return name;
    }
}
