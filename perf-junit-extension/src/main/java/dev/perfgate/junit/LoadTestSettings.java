package dev.perfgate.junit;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import dev.perfgate.core.engine.ArrivalSchedule;
import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.OpenLoadPlan;
import dev.perfgate.core.engine.RunPlan;
import dev.perfgate.core.engine.ThinkTime;
import dev.perfgate.core.engine.UserSchedule;
import dev.perfgate.core.slo.SloThreshold;
import dev.perfgate.core.time.ReadableDuration;

/**
 * What one {@link LoadTest} runs, read from the annotation with the {@code perfgate.*} system
 * property overrides applied. Every bad value fails before anything is started, naming the
 * attribute or property it came from.
 */
record LoadTestSettings(String testId, RunPlan plan, Path resultsDir, List<SloThreshold> slos) {

    private static final String DEFAULT_RESULTS_DIR = "target/perf-results";

    static LoadTestSettings of(LoadTest annotation, Method method) {
        String owner = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        try {
            Duration warmUp = duration(LoadTest.WARM_UP_PROPERTY, annotation.warmUp(), "warmUp", owner);
            Duration duration = duration(LoadTest.DURATION_PROPERTY, annotation.duration(), "duration", owner);
            Duration timeout = duration(LoadTest.REQUEST_TIMEOUT_PROPERTY, annotation.requestTimeout(), "requestTimeout", owner);
            RunPlan plan = plan(annotation, owner, warmUp, duration, timeout);
            String id = annotation.id().isBlank() ? owner : annotation.id().strip();
            requireFileNameSafe(id, owner);
            Path resultsDir = Path.of(System.getProperty(LoadTest.RESULTS_DIR_PROPERTY, DEFAULT_RESULTS_DIR));
            return new LoadTestSettings(id, plan, resultsDir, SloSettings.of(method));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    /** These settings with another plan, e.g. one side-by-side trial's. */
    LoadTestSettings withPlan(RunPlan other) {
        return new LoadTestSettings(testId, other, resultsDir, slos);
    }

    /** The open model when an arrival rate is given (on the annotation or by property), else the closed one. */
    private static RunPlan plan(LoadTest annotation, String owner, Duration warmUp, Duration duration, Duration timeout) {
        String rateOverride = System.getProperty(LoadTest.ARRIVAL_RATE_PROPERTY);
        String rate = rateOverride != null ? rateOverride : annotation.arrivalRate();
        if (!rate.isBlank()) {
            String where = rateOverride != null ? "system property " + LoadTest.ARRIVAL_RATE_PROPERTY : "@LoadTest(arrivalRate) on " + owner;
            OpenLoadPlan open = OpenLoadPlan.of(ArrivalSchedule.parse(rate, duration, where)).withWarmUp(warmUp).withRequestTimeout(timeout);
            if (annotation.maxInFlight() != 0) {
                try {
                    open = open.withMaxInFlight(annotation.maxInFlight());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("@LoadTest(maxInFlight) on " + owner + ": " + e.getMessage(), e);
                }
            }
            return open;
        }
        String thinkOverride = System.getProperty(LoadTest.THINK_TIME_PROPERTY);
        ThinkTime thinkTime = thinkOverride != null
                ? ThinkTime.parse(thinkOverride, "system property " + LoadTest.THINK_TIME_PROPERTY)
                : ThinkTime.parse(annotation.thinkTime(), "@LoadTest(thinkTime) on " + owner);
        LoadPlan plan = new LoadPlan(users(annotation, owner), warmUp, duration, timeout, thinkTime, iterations(annotation, owner));
        String stagesOverride = System.getProperty(LoadTest.STAGES_PROPERTY);
        String stages = stagesOverride != null ? stagesOverride : annotation.stages();
        if (stages.isBlank()) {
            return plan;
        }
        String where = stagesOverride != null ? "system property " + LoadTest.STAGES_PROPERTY : "@LoadTest(stages) on " + owner;
        return plan.withSchedule(UserSchedule.parse(stages, where));
    }

    private static long iterations(LoadTest annotation, String owner) {
        String override = System.getProperty(LoadTest.ITERATIONS_PROPERTY);
        String where = override != null ? "system property " + LoadTest.ITERATIONS_PROPERTY : "@LoadTest(iterations) on " + owner;
        long iterations;
        try {
            iterations = override != null ? Long.parseLong(override.strip()) : annotation.iterations();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + override + "' is not a whole number of iterations, e.g. -D"
                    + LoadTest.ITERATIONS_PROPERTY + "=50");
        }
        if (iterations < 0) {
            throw new IllegalArgumentException(where + ": " + iterations + " must be 0 (no limit) or more, e.g. 50");
        }
        return iterations;
    }

    private static int users(LoadTest annotation, String owner) {
        String override = System.getProperty(LoadTest.USERS_PROPERTY);
        if (override == null) {
            return checkedUsers(annotation.users(), "@LoadTest(users) on " + owner);
        }
        try {
            return checkedUsers(Integer.parseInt(override.strip()), "system property " + LoadTest.USERS_PROPERTY);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + LoadTest.USERS_PROPERTY + ": '" + override
                    + "' is not a whole number of users, e.g. -D" + LoadTest.USERS_PROPERTY + "=8");
        }
    }

    private static int checkedUsers(int users, String where) {
        if (users < 1 || users > LoadPlan.MAX_USERS) {
            throw new IllegalArgumentException(where + ": " + users + " is out of range; use 1 to " + LoadPlan.MAX_USERS);
        }
        return users;
    }

    private static Duration duration(String property, String annotated, String attribute, String owner) {
        String override = System.getProperty(property);
        return override == null
                ? ReadableDuration.parse(annotated, "@LoadTest(" + attribute + ") on " + owner)
                : ReadableDuration.parse(override, "system property " + property);
    }

    private static void requireFileNameSafe(String id, String owner) {
        if (!id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("@LoadTest(id) on " + owner + ": '" + id
                    + "' is also a file name; use letters, digits, '.', '_' and '-' only");
        }
    }
}
