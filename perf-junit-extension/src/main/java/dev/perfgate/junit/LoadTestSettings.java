package dev.perfgate.junit;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.slo.SloThreshold;
import dev.perfgate.core.time.ReadableDuration;

/**
 * What one {@link LoadTest} runs, read from the annotation with the {@code perfgate.*} system
 * property overrides applied. Every bad value fails before anything is started, naming the
 * attribute or property it came from.
 */
record LoadTestSettings(String testId, LoadPlan plan, Path resultsDir, List<SloThreshold> slos) {

    private static final String DEFAULT_RESULTS_DIR = "target/perf-results";

    static LoadTestSettings of(LoadTest annotation, Method method) {
        String owner = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        try {
            int users = users(annotation, owner);
            Duration warmUp = duration(LoadTest.WARM_UP_PROPERTY, annotation.warmUp(), "warmUp", owner);
            Duration duration = duration(LoadTest.DURATION_PROPERTY, annotation.duration(), "duration", owner);
            Duration timeout = duration(LoadTest.REQUEST_TIMEOUT_PROPERTY, annotation.requestTimeout(), "requestTimeout", owner);
            Duration thinkTime = duration(LoadTest.THINK_TIME_PROPERTY, annotation.thinkTime(), "thinkTime", owner);
            LoadPlan plan = new LoadPlan(users, warmUp, duration, timeout, thinkTime);
            String id = annotation.id().isBlank() ? owner : annotation.id().strip();
            requireFileNameSafe(id, owner);
            Path resultsDir = Path.of(System.getProperty(LoadTest.RESULTS_DIR_PROPERTY, DEFAULT_RESULTS_DIR));
            return new LoadTestSettings(id, plan, resultsDir, SloSettings.of(method));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
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
