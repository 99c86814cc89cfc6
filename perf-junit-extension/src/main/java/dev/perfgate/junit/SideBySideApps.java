package dev.perfgate.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.perfgate.core.engine.OpenLoadPlan;

/**
 * Decides whether a load test runs {@link SideBySide}, checks that it can (a reference is declared,
 * the load is steady) before any container starts, and starts the reference's container once per
 * test class beside the application's, closed with the class like it.
 */
final class SideBySideApps {

    private SideBySideApps() {
    }

    /**
     * The side-by-side settings of {@code method}, or empty when it runs alone (also when only the
     * system property asks for it and the application declares no reference: that is said on the console).
     *
     * @throws ExtensionConfigurationException for a bad value, a missing reference or a load that changes over time
     */
    static Optional<SideBySideSettings> settingsOf(ExtensionContext context, Method method, LoadTestSettings settings) {
        Optional<SideBySideSettings> sideBySide = SideBySideSettings.of(method);
        if (sideBySide.isEmpty()) {
            return sideBySide;
        }
        DeclaredApp declared = DeclaredApp.of(context);
        Field field = declared.field();
        String owner = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (declared.app().reference() == null) {
            if (method.isAnnotationPresent(SideBySide.class)) {
                throw new ExtensionConfigurationException("@SideBySide on " + owner + ": the application (@App field "
                        + field.getName() + ") declares no reference version to compare with; add one, e.g. "
                        + "AppUnderTest.fromDockerfile(\"Dockerfile\").withReference(AppUnderTest.fromDockerfile(\"Dockerfile\")"
                        + ".withBuildArg(\"VERSION\", \"1.4.0\"))");
            }
            Console.say(settings.testId() + ": -D" + SideBySide.PROPERTY
                    + " is set, but the application declares no reference (AppUnderTest.withReference); running it alone");
            return Optional.empty();
        }
        AppUnderTest app = declared.app();
        app.reference().requireUsable("the reference of @App field " + field.getName());
        if (app.source() instanceof AppSource.FromContainer candidate && app.reference().source() instanceof AppSource.FromContainer reference
                && candidate.container() == reference.container()) {
            throw new ExtensionConfigurationException("@SideBySide on " + owner + ": the reference of @App field " + field.getName()
                    + " is the application's own container (AppUnderTest.fromContainer), and one container cannot run twice at once;"
                    + " build a second container for the reference, e.g. withReference(AppUnderTest.fromContainer(referenceContainer))");
        }
        if (sideBySide.get().instances() > 1 && (app.source() instanceof AppSource.FromContainer
                || app.reference().source() instanceof AppSource.FromContainer)) {
            throw new ExtensionConfigurationException("@SideBySide(instances) on " + owner + ": " + sideBySide.get().instances()
                    + " instances need fresh containers of each version, but the application or its reference (@App field " + field.getName()
                    + ") is a container the test built (AppUnderTest.fromContainer), which starts once; use one instance, or an image,"
                    + " Dockerfile or jar, e.g. AppUnderTest.fromImage(\"shop:1.4\")");
        }
        TrialPlan.of(settings.plan(), sideBySide.get().trial(), owner); // refuses a load that changes over time, now
        if (sideBySide.get().interleaved() && settings.plan() instanceof OpenLoadPlan) {
            throw new ExtensionConfigurationException("@SideBySide(interleaved) on " + owner + ": interleaving sends each user's requests"
                    + " to both versions in turn, which needs users (the closed model), but the test runs at an arrival rate"
                    + " (@LoadTest(arrivalRate)); use @LoadTest(users = N), or trials of one version at a time (interleaved = false)");
        }
        return sideBySide;
    }

    /** The paired run of {@code settings} with {@code app} and the class's reference container, started on first use. */
    static PairedRun pairedRun(ExtensionContext context, Method method, LoadTestSettings settings, SideBySideSettings sideBySide,
            RunningApp app) {
        DeclaredApp declared = DeclaredApp.of(context);
        RunningApp reference = DeclaredApp.classContext(context).getStore(LoadTestExtension.NAMESPACE).getOrComputeIfAbsent(
                List.of(declared.field(), "reference"), key -> RunningApp.start(declared.app().reference()), RunningApp.class);
        return new PairedRun(settings, sideBySide, app, declared.app(), reference,
                method.getDeclaringClass().getSimpleName() + "." + method.getName());
    }
}
