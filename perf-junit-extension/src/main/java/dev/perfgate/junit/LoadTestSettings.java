package dev.perfgate.junit;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import dev.perfgate.core.engine.ArrivalSchedule;
import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.OpenLoadPlan;
import dev.perfgate.core.engine.RunListener;
import dev.perfgate.core.engine.RunPlan;
import dev.perfgate.core.engine.ThinkTime;
import dev.perfgate.core.engine.UserSchedule;
import dev.perfgate.core.slo.SloThreshold;
import dev.perfgate.core.stages.StagePatterns;
import dev.perfgate.core.stages.StageProfile;
import dev.perfgate.core.time.ReadableDuration;

/**
 * What one {@link LoadTest} runs, read from the annotation and its profile ({@link LoadTestAttributes})
 * with the {@code perfgate.*} system property overrides applied. Every bad value fails before anything
 * is started, naming the attribute, profile or property it came from.
 *
 * @param pattern      the spike, stress or soak the plan runs, whose report the result gets; {@code null} for a plain run
 * @param distribution the load generators the run is spread over
 */
record LoadTestSettings(String testId, RunPlan plan, Path resultsDir, List<SloThreshold> slos, StageProfile pattern,
        Distribution distribution) {

    private static final String DEFAULT_RESULTS_DIR = "target/perf-results";

    static LoadTestSettings of(LoadTest annotation, Method method) {
        String owner = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        try {
            LoadTestAttributes attributes = LoadTestAttributes.of(annotation, owner);
            WarmUp warmUp = warmUp(attributes);
            Duration duration = duration(LoadTest.DURATION_PROPERTY, attributes, "duration");
            Duration timeout = duration(LoadTest.REQUEST_TIMEOUT_PROPERTY, attributes, "requestTimeout");
            List<SloThreshold> slos = SloSettings.of(method);
            StageProfile pattern = pattern(attributes, slos);
            RunPlan plan = pattern != null ? withSettings(pattern.plan(), annotation, attributes, owner, warmUp, timeout)
                    : plan(annotation, attributes, owner, warmUp, duration, timeout);
            String id = annotation.id().isBlank() ? owner : annotation.id().strip();
            requireFileNameSafe(id, owner);
            Path resultsDir = Path.of(System.getProperty(LoadTest.RESULTS_DIR_PROPERTY, DEFAULT_RESULTS_DIR));
            Distribution distribution = Distribution.of(annotation, owner);
            if (distribution.isDistributed() && pattern != null) {
                throw new IllegalArgumentException("@LoadTest(workers) on " + owner + ": a spike, stress or soak pattern"
                        + " is judged while it runs, on one load generator; run it without workers");
            }
            return new LoadTestSettings(id, plan, resultsDir, slos, pattern == null ? null : StagePatterns.withPlan(pattern, plan),
                    distribution);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    /** These settings with another plan and no pattern, e.g. one side-by-side trial's. */
    LoadTestSettings withPlan(RunPlan other) {
        return new LoadTestSettings(testId, other, resultsDir, slos, null, distribution);
    }

    /** What watches the run for its pattern, e.g. a stress run's step judge; none for a plain run. */
    RunListener patternWatcher() {
        return pattern == null ? RunListener.NONE : pattern.watcher();
    }

    /** The spike, stress or soak of the property or attributes, or {@code null}. */
    private static StageProfile pattern(LoadTestAttributes attributes, List<SloThreshold> slos) {
        String override = System.getProperty(LoadTest.PATTERN_PROPERTY);
        if (override != null) {
            return override.isBlank() ? null : StagePatterns.parse(override, slos, "system property " + LoadTest.PATTERN_PROPERTY);
        }
        String pattern = attributes.value("pattern");
        return pattern.isBlank() ? null : StagePatterns.parse(pattern, slos, attributes.where("pattern"));
    }

    /** A pattern's plan with the test's warm-up, timeout and, closed model, think time and session limit. */
    private static RunPlan withSettings(RunPlan plan, LoadTest annotation, LoadTestAttributes attributes, String owner,
            WarmUp warmUp, Duration timeout) {
        if (plan instanceof OpenLoadPlan open) {
            return maxInFlight((OpenLoadPlan) warmUp.applyTo(open.withRequestTimeout(timeout)), annotation, owner);
        }
        return ((LoadPlan) warmUp.applyTo(plan)).withRequestTimeout(timeout).withThinkTime(thinkTime(attributes))
                .withIterationsPerUser(iterations(annotation, owner));
    }

    /** The open model when an arrival rate is given (on the annotation or by property), else the closed one. */
    private static RunPlan plan(LoadTest annotation, LoadTestAttributes attributes, String owner, WarmUp warmUp, Duration duration,
            Duration timeout) {
        String rateOverride = System.getProperty(LoadTest.ARRIVAL_RATE_PROPERTY);
        String rate = rateOverride != null ? rateOverride : attributes.value("arrivalRate");
        if (!rate.isBlank()) {
            String where = rateOverride != null ? "system property " + LoadTest.ARRIVAL_RATE_PROPERTY : attributes.where("arrivalRate");
            OpenLoadPlan open = OpenLoadPlan.of(ArrivalSchedule.parse(rate, duration, where)).withRequestTimeout(timeout);
            return maxInFlight((OpenLoadPlan) warmUp.applyTo(open), annotation, owner);
        }
        LoadPlan plan = (LoadPlan) warmUp.applyTo(new LoadPlan(users(attributes), Duration.ZERO, duration, timeout, thinkTime(attributes),
                iterations(annotation, owner)));
        String stagesOverride = System.getProperty(LoadTest.STAGES_PROPERTY);
        String stages = stagesOverride != null ? stagesOverride : attributes.value("stages");
        if (stages.isBlank()) {
            return plan;
        }
        String where = stagesOverride != null ? "system property " + LoadTest.STAGES_PROPERTY : attributes.where("stages");
        return plan.withSchedule(UserSchedule.parse(stages, where));
    }

    private static OpenLoadPlan maxInFlight(OpenLoadPlan open, LoadTest annotation, String owner) {
        if (annotation.maxInFlight() == 0) {
            return open;
        }
        try {
            return open.withMaxInFlight(annotation.maxInFlight());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("@LoadTest(maxInFlight) on " + owner + ": " + e.getMessage(), e);
        }
    }

    private static ThinkTime thinkTime(LoadTestAttributes attributes) {
        String override = System.getProperty(LoadTest.THINK_TIME_PROPERTY);
        return override != null
                ? ThinkTime.parse(override, "system property " + LoadTest.THINK_TIME_PROPERTY)
                : ThinkTime.parse(attributes.value("thinkTime"), attributes.where("thinkTime"));
    }

    private static long iterations(LoadTest annotation, String owner) {
        String override = System.getProperty(LoadTest.ITERATIONS_PROPERTY);
        String where = override != null ? "system property " + LoadTest.ITERATIONS_PROPERTY : "@LoadTest(iterations) on " + owner;
        long iterations = override != null ? wholeNumber(override, where, "iterations", LoadTest.ITERATIONS_PROPERTY, 50)
                : annotation.iterations();
        if (iterations < 0) {
            throw new IllegalArgumentException(where + ": " + iterations + " must be 0 (no limit) or more, e.g. 50");
        }
        return iterations;
    }

    private static int users(LoadTestAttributes attributes) {
        String override = System.getProperty(LoadTest.USERS_PROPERTY);
        String where = override != null ? "system property " + LoadTest.USERS_PROPERTY : attributes.where("users");
        String value = override != null ? override : attributes.value("users");
        long users = wholeNumber(value, where, "users", LoadTest.USERS_PROPERTY, 8);
        if (users < 1 || users > LoadPlan.MAX_USERS) {
            throw new IllegalArgumentException(where + ": " + users + " is out of range; use 1 to " + LoadPlan.MAX_USERS);
        }
        return (int) users;
    }

    /**
     * {@code value}, given at {@code where}, as a whole number of {@code noun}; the caller checks its range.
     *
     * @throws IllegalArgumentException naming {@code where} and an example for {@code property}
     */
    static long wholeNumber(String value, String where, String noun, String property, long example) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + value + "' is not a whole number of " + noun + ", e.g. -D"
                    + property + "=" + example);
        }
    }

    private static WarmUp warmUp(LoadTestAttributes attributes) {
        String override = System.getProperty(LoadTest.WARM_UP_PROPERTY);
        return override == null ? WarmUp.parse(attributes.value("warmUp"), attributes.where("warmUp"))
                : WarmUp.parse(override, "system property " + LoadTest.WARM_UP_PROPERTY);
    }

    private static Duration duration(String property, LoadTestAttributes attributes, String attribute) {
        String override = System.getProperty(property);
        return override == null
                ? ReadableDuration.parse(attributes.value(attribute), attributes.where(attribute))
                : ReadableDuration.parse(override, "system property " + property);
    }

    private static void requireFileNameSafe(String id, String owner) {
        if (!id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("@LoadTest(id) on " + owner + ": '" + id
                    + "' is also a file name; use letters, digits, '.', '_' and '-' only");
        }
    }
}
