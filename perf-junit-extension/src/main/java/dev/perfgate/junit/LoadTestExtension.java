package dev.perfgate.junit;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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

import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.http.Redaction;
import dev.perfgate.core.result.DetectableChange;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.ResultSummary;
import dev.perfgate.core.result.WarmUpDrift;
import dev.perfgate.core.slo.SloCheck;

/**
 * Runs a {@link LoadTest} method as the iteration of its virtual users instead of once, against the
 * class's {@link App}, and writes the result. Registered by {@link LoadTest} itself.
 */
final class LoadTestExtension implements InvocationInterceptor, ParameterResolver {

    /** Where the class's declared and started applications are kept, closed with the class. */
    static final Namespace NAMESPACE = Namespace.create(LoadTestExtension.class);

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
        Optional<PartRun> part = PartRun.fromProperties();
        if (part.isPresent()) {
            // A worker of a distributed run: the coordinator started the application and judges the whole.
            invocation.skip();
            part.get().run(settings, scenario, context.getRequiredTestClass());
            return;
        }
        ProgressReporter progress = ProgressReporter.fromProperty(settings.testId());
        Optional<SideBySideSettings> sideBySide = SideBySideApps.settingsOf(context, method, settings);
        if (settings.distribution().isDistributed() && sideBySide.isPresent()) {
            throw new ExtensionConfigurationException("@LoadTest(workers) on " + method + ": a side-by-side run compares"
                    + " versions on one load generator; run it without workers");
        }
        RunningApp app = startAppOnceForTheClass(context);
        PairedRun paired = sideBySide.map(pairs -> SideBySideApps.pairedRun(context, method, settings, pairs, app)).orElse(null);
        invocation.skip();

        LoadTestRun.Done done = settings.distribution().isDistributed()
                ? LoadTestRun.runDistributed(settings, scenario, app, context.getRequiredTestClass(), method, progress)
                : LoadTestRun.run(settings, scenario, app, paired, progress, context.getRequiredTestClass());
        LoadTestResult result = done.result();
        if (paired != null) {
            Console.say(paired.describe());
            WarmUpDrift.of(result.sideBySide()).ifPresent(drift -> Console.warn(drift.describe(settings.testId())));
        }
        report(context, result, done.file());
        app.stubs().report(context);
        failUnlessPassed(result, done.measured());
    }

    private static RunningApp startAppOnceForTheClass(ExtensionContext context) {
        DeclaredApp declared = DeclaredApp.of(context);
        return DeclaredApp.classContext(context).getStore(NAMESPACE)
                .getOrComputeIfAbsent(declared.field(), key -> RunningApp.start(declared.app()), RunningApp.class);
    }

    private static void report(ExtensionContext context, LoadTestResult result, Path file) {
        String summary = ResultSummary.of(result);
        Console.say(summary);
        if (result.sideBySide() == null) {
            // What the gate could tell from a run this noisy, so a pass is not read as "nothing changed". Side by side
            // states its own: the interval of each row.
            Console.say(result.testId() + ": " + DetectableChange.describe(result, DetectableChange.DEFAULT_SIGNIFICANCE));
        }
        if (result.resources() != null) {
            Console.say(result.resources().describe());
        }
        if (result.generator() != null) {
            Console.say(result.generator().describe());
            GeneratorLimit.exceededBy(result.generator()).ifPresent(Console::warn);
        }
        Console.say("result written to " + file);
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
        if (result.generator() != null) {
            entries.put("perfgate.generator", result.generator().describe());
        }
        if (result.appMetrics() != null) {
            Console.say(result.appMetrics().describe());
            entries.put("perfgate.appMetrics", result.appMetrics().describe());
        }
        PatternVerdicts.report(result, entries);
        if (result.slo() != null) {
            entries.put("perfgate.grade", result.slo().grade().name());
            Console.say("SLO grade " + result.slo().grade() + ": " + result.slo().checks().stream()
                    .map(SloCheck::describe).collect(Collectors.joining("; ")));
        }
        context.publishReportEntry(entries);
    }

    private static void failUnlessPassed(LoadTestResult result, RunMeasurements measured) {
        if (result.status() != ResultStatus.PASSED) {
            AssertionError failure = new AssertionError("load test " + result.testId() + " " + result.status() + ": " + result.statusReason());
            if (measured != null) {
                measured.scenarioFailure().map(Redaction::throwable).ifPresent(failure::initCause);
            }
            throw failure;
        }
    }
}
