package dev.perfgate.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

import dev.perfgate.core.result.DetectableChange;
import dev.perfgate.core.result.WarmUpDrift;
import dev.perfgate.core.engine.ResultOfRun;
import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.http.Redaction;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.ResultSummary;
import dev.perfgate.core.result.RunEnvironment;
import dev.perfgate.core.result.SloJudge;
import dev.perfgate.core.slo.SloCheck;
import dev.perfgate.core.slo.SloReport;

/**
 * Runs a {@link LoadTest} method as the iteration of its virtual users instead of once, against the
 * class's {@link App}, and writes the result. Registered by {@link LoadTest} itself.
 */
final class LoadTestExtension implements InvocationInterceptor, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(LoadTestExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return TestMethodScenario.isPerUser(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return TestMethodScenario.placeholder(parameter.getParameter().getType());
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) {
        Method method = invocationContext.getExecutable();
        LoadTest annotation = AnnotationSupport.findAnnotation(method, LoadTest.class).orElseThrow();
        LoadTestSettings settings = LoadTestSettings.of(annotation, method);
        TestIdClaims.claim(settings.testId(), context.getRequiredTestClass(), settings.resultsDir());
        Object target = invocationContext.getTarget().orElseThrow(
                () -> new ExtensionConfigurationException("@LoadTest on " + method + ": the method must not be static"));
        AnnotatedScenario scenario = AnnotatedScenario.of(method, target, invocationContext.getArguments().toArray(), settings.plan());
        ProgressReporter progress = ProgressReporter.fromProperty(settings.testId());
        Optional<SideBySideSettings> sideBySide = SideBySideApps.settingsOf(context, method, settings);
        RunningApp app = startAppOnceForTheClass(context);
        PairedRun paired = sideBySide.map(pairs -> SideBySideApps.pairedRun(context, method, settings, pairs, app, NAMESPACE)).orElse(null);
        invocation.skip();

        RunStop stop = new RunStop(scenario.scenario(), WatchedRun.openModel(settings));
        StopOnExit.register(stop);
        RunMeasurements measured;
        LoadTestResult result;
        Path file;
        try {
            WatchedRun.Outcome run = paired == null ? WatchedRun.run(settings, app, stop, progress) : paired.run(stop);
            measured = run.measured();
            result = paired == null
                    ? judge(settings, measured, app, run.stopReason(), app.dependencyDeathNotice())
                            .withResources(run.resources()).withAppMetrics(run.appMetrics())
                    : paired.result(judge(paired.resultSettings(), measured, app, run.stopReason(), paired.dependencyDeathNotice()));
            result = scenario.describe(PatternVerdicts.judged(settings, measured, result));
            SloReport slo = settings.slos().isEmpty() || !PatternVerdicts.slosJudgeTheWholeRun(settings) ? null
                    : SloJudge.judge(settings.slos(), result);
            if (slo != null && result.status() == ResultStatus.PASSED && !slo.breaches().isEmpty()) {
                result = result.withStatus(ResultStatus.FAILED, slo.failureMessage(result.testId()));
            }
            result = withoutCredentials(result.withSlo(slo)).withTestClass(context.getRequiredTestClass().getName());
            file = writeResult(settings, result);
        } finally {
            stop.finished();
            StopOnExit.unregister(stop);
        }
        if (paired != null) {
            System.out.println("[perfgate] " + paired.describe());
            WarmUpDrift.of(result.sideBySide()).ifPresent(drift -> System.out.println("[perfgate] warning: " + drift.describe(settings.testId())));
        }
        report(context, result, file);
        app.stubs().report(context);
        failUnlessPassed(result, measured);
    }

    private static RunningApp startAppOnceForTheClass(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Field field = appFieldOf(testClass);
        AppUnderTest app = appOf(field);
        ExtensionContext classContext = context.getParent().orElse(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(field, key -> RunningApp.start(app), RunningApp.class);
    }

    static Field appFieldOf(Class<?> testClass) {
        List<Field> fields = AnnotationSupport.findAnnotatedFields(testClass, App.class, field -> true, HierarchyTraversalMode.TOP_DOWN);
        if (fields.isEmpty()) {
            throw new ExtensionConfigurationException(testClass.getName() + " has @LoadTest methods but no application: declare"
                    + " '@App static AppUnderTest app = AppUnderTest.fromDockerfile(\"Dockerfile\");'");
        }
        if (fields.size() > 1) {
            throw new ExtensionConfigurationException(testClass.getName() + " has " + fields.size()
                    + " @App fields; a load test drives one application, keep one");
        }
        Field field = fields.get(0);
        if (!Modifier.isStatic(field.getModifiers()) || field.getType() != AppUnderTest.class) {
            throw new ExtensionConfigurationException("@App field " + testClass.getSimpleName() + "." + field.getName()
                    + " must be 'static AppUnderTest'");
        }
        return field;
    }

    static AppUnderTest appOf(Field field) {
        try {
            field.setAccessible(true);
            AppUnderTest declared = (AppUnderTest) field.get(null);
            String where = "@App field " + field.getDeclaringClass().getSimpleName() + "." + field.getName();
            if (declared == null) {
                throw new ExtensionConfigurationException(where + " is null; assign AppUnderTest.fromDockerfile(...), fromJar(...),"
                        + " fromImage(...) or fromContainer(...)");
            }
            AppUnderTest app = ReferenceProperty.applyTo(declared, where);
            app.requireUsable(where);
            return app;
        } catch (IllegalAccessException e) {
            throw new ExtensionConfigurationException("@App field " + field + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** {@code deadDependencies}: which containers the application (side by side: either version) depends on stopped, or {@code null}. */
    private static LoadTestResult judge(LoadTestSettings settings, RunMeasurements measured, RunningApp app, String stopReason,
            String deadDependencies) {
        RunEnvironment environment = RunEnvironment.current(RunningApp.dockerVersion());
        LoadTestResult result = ResultOfRun.judged(settings.testId(), settings.plan(), measured, environment);
        if (StopOnExit.SHUTDOWN_REASON.equals(stopReason)) {
            // Testcontainers' own shutdown hook may be removing the container meanwhile: not the app's fault.
            return result.withStatus(ResultStatus.ABORTED, stopReason);
        }
        String died = app.deathNotice();
        LoadTestResult judged = died != null ? result.withStatus(ResultStatus.ABORTED, died)
                : stopReason != null ? result.withStatus(ResultStatus.ABORTED, stopReason) : result;
        return withDeadDependencies(judged, deadDependencies);
    }

    /** {@code result} failed (unless it failed or was aborted already) and its reason followed by {@code notice}, if any. */
    private static LoadTestResult withDeadDependencies(LoadTestResult result, String notice) {
        if (notice == null) {
            return result;
        }
        ResultStatus status = result.status() == ResultStatus.PASSED ? ResultStatus.FAILED : result.status();
        return result.withStatus(status, result.statusReason() == null ? notice : result.statusReason() + "\n" + notice);
    }

    /** The result as written and reported: its status reason (failure messages, log tails) without credentials. */
    private static LoadTestResult withoutCredentials(LoadTestResult result) {
        String reason = Redaction.text(result.statusReason());
        return Objects.equals(reason, result.statusReason()) ? result : result.withStatus(result.status(), reason);
    }

    private static Path writeResult(LoadTestSettings settings, LoadTestResult result) {
        try {
            return ResultFiles.write(settings.resultsDir(), result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result of " + result.testId() + " to " + settings.resultsDir(), e);
        }
    }

    private static void report(ExtensionContext context, LoadTestResult result, Path file) {
        String summary = ResultSummary.of(result);
        System.out.println("[perfgate] " + summary);
        if (result.sideBySide() == null) {
            // What the gate could tell from a run this noisy, so a pass is not read as "nothing changed". Side by side
            // states its own: the interval of each row.
            System.out.println("[perfgate] " + result.testId() + ": " + DetectableChange.describe(result, DetectableChange.DEFAULT_SIGNIFICANCE));
        }
        if (result.resources() != null) {
            System.out.println("[perfgate] " + result.resources().describe());
        }
        System.out.println("[perfgate] result written to " + file);
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("perfgate.result", file.toString());
        entries.put("perfgate.summary", summary);
        entries.put("perfgate.requests", String.valueOf(result.total().requests()));
        entries.put("perfgate.throughput", String.format(Locale.ROOT, "%.1f/s", result.total().throughputPerSecond()));
        entries.put("perfgate.p95", String.format(Locale.ROOT, "%.3f ms", result.total().latencyMs().p95()));
        entries.put("perfgate.errorRate", String.format(Locale.ROOT, "%.2f %%", result.total().errorRate() * 100));
        if (result.resources() != null) {
            entries.put("perfgate.resources", result.resources().describe());
        }
        if (result.appMetrics() != null) {
            System.out.println("[perfgate] " + result.appMetrics().describe());
            entries.put("perfgate.appMetrics", result.appMetrics().describe());
        }
        PatternVerdicts.report(result, entries);
        if (result.slo() != null) {
            entries.put("perfgate.grade", result.slo().grade().name());
            System.out.println("[perfgate] SLO grade " + result.slo().grade() + ": " + result.slo().checks().stream()
                    .map(SloCheck::describe).collect(Collectors.joining("; ")));
        }
        context.publishReportEntry(entries);
    }

    private static void failUnlessPassed(LoadTestResult result, RunMeasurements measured) {
        if (result.status() != ResultStatus.PASSED) {
            AssertionError failure = new AssertionError("load test " + result.testId() + " " + result.status() + ": " + result.statusReason());
            measured.scenarioFailure().map(Redaction::throwable).ifPresent(failure::initCause);
            throw failure;
        }
    }
}
