package dev.perfgate.junit;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.OpenLoadPlan;
import dev.perfgate.core.engine.RunPlan;
import dev.perfgate.core.engine.Scenario;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.PlanSummary.UserTypeSummary;
import dev.perfgate.core.scenario.Feeder;
import dev.perfgate.core.scenario.UserMix;

/**
 * What the users of a {@link LoadTest} method run: the method itself, or, with {@link UserType}s, a
 * weighted mix of their tasks (the method then runs once per user, before its first task); fed by
 * its {@link CsvFeeder}, if any. Read, and every problem reported, before any container starts.
 *
 * @param scenario  what each iteration runs
 * @param userTypes the mix's types as the result records them; empty without user types
 */
record AnnotatedScenario(Scenario scenario, List<UserTypeSummary> userTypes) {

    /**
     * The scenario of {@code method} on {@code target}, called with {@code resolvedArguments}, for {@code plan}.
     *
     * @throws ExtensionConfigurationException naming the annotation attribute at fault
     */
    static AnnotatedScenario of(Method method, Object target, Object[] resolvedArguments, RunPlan plan) {
        String owner = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        try {
            Scenario scenario = new TestMethodScenario(method, target, resolvedArguments);
            List<UserTypeSummary> userTypes = List.of();
            List<UserType> types = AnnotationSupport.findRepeatableAnnotations(method, UserType.class);
            if (!types.isEmpty()) {
                UserMix mix = mixOf(types, owner, plan);
                scenario = startingWith(scenario, mix);
                userTypes = mix.describe(((LoadPlan) plan).users());
            }
            return new AnnotatedScenario(fed(scenario, method, owner), userTypes);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    /** {@code result} with the users of each type recorded in its plan. */
    LoadTestResult describe(LoadTestResult result) {
        return userTypes.isEmpty() ? result : result.withUserTypes(userTypes);
    }

    private static UserMix mixOf(List<UserType> annotations, String owner, RunPlan plan) {
        if (plan instanceof OpenLoadPlan) {
            throw new IllegalArgumentException("@UserType on " + owner + " needs the closed model (users), but the test runs an"
                    + " arrival rate (@LoadTest(arrivalRate) or -D" + LoadTest.ARRIVAL_RATE_PROPERTY + "); remove one of them");
        }
        List<dev.perfgate.core.scenario.UserType> types = new ArrayList<>();
        for (UserType annotation : annotations) {
            types.add(TaskClass.of(annotation, owner));
        }
        try {
            return UserMix.of(types);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("@UserType(name) on " + owner + ": " + e.getMessage(), e);
        }
    }

    /** {@code mix}, with {@code start} run once per user just before its first task. */
    private static Scenario startingWith(Scenario start, UserMix mix) {
        return user -> {
            if (user.iteration() == 1) {
                start.iterate(user);
            }
            mix.iterate(user);
        };
    }

    private static Scenario fed(Scenario scenario, Method method, String owner) {
        return AnnotationSupport.findAnnotation(method, CsvFeeder.class).map(annotation -> {
            Feeder feeder;
            try {
                feeder = Feeder.csv(Path.of(annotation.value()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("@CsvFeeder(\"" + annotation.value() + "\") on " + owner + ": " + e.getMessage(), e);
            }
            feeder = annotation.pick() == CsvFeeder.Pick.PER_ITERATION ? feeder.perIteration() : feeder.perUser();
            return feeder.feeding(scenario);
        }).orElse(scenario);
    }
}
