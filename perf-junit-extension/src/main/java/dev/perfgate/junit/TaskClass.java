package dev.perfgate.junit;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

import dev.perfgate.core.engine.VirtualUser;

/**
 * The class of one {@link UserType}: its {@link Task} methods as the tasks of a core user type, run on
 * one instance of the class per virtual user. Every problem is found when it is read, before the run.
 */
final class TaskClass {

    private TaskClass() {
    }

    /**
     * The user type {@code annotation} declares on {@code owner} ({@code "Class.method"}).
     *
     * @throws IllegalArgumentException naming the attribute and what is wrong
     */
    static dev.perfgate.core.scenario.UserType of(UserType annotation, String owner) {
        Class<?> type = annotation.value();
        String where = "@UserType(" + type.getSimpleName() + ".class) on " + owner;
        if (annotation.weight() < 1) {
            throw new IllegalArgumentException("@UserType(weight) on " + owner + ": " + annotation.weight() + " for "
                    + type.getSimpleName() + " must be 1 or more, e.g. 70");
        }
        Constructor<?> constructor = constructorOf(type, where);
        String name = annotation.name().isBlank() ? type.getSimpleName() : annotation.name().strip();
        dev.perfgate.core.scenario.UserType userType = dev.perfgate.core.scenario.UserType.named(name).weight(annotation.weight());
        Map<Integer, Object> instances = new ConcurrentHashMap<>();
        for (Method method : AnnotationSupport.findAnnotatedMethods(type, Task.class, HierarchyTraversalMode.TOP_DOWN)) {
            Task task = method.getAnnotation(Task.class);
            String taskWhere = "@Task on " + type.getSimpleName() + "." + method.getName();
            requireUsable(method, taskWhere);
            if (task.weight() < 1) {
                throw new IllegalArgumentException("@Task(weight) on " + type.getSimpleName() + "." + method.getName() + ": "
                        + task.weight() + " must be 1 or more, e.g. 50");
            }
            method.setAccessible(true);
            Object[] noArguments = new Object[method.getParameterCount()];
            String taskName = task.name().isBlank() ? method.getName() : task.name().strip();
            userType = userType.task(taskName, task.weight(),
                    user -> TestMethodScenario.invoke(method, instanceFor(user, instances, constructor), noArguments, user));
        }
        if (userType.tasks().isEmpty()) {
            throw new IllegalArgumentException(where + ": " + type.getName() + " has no @Task method; add one, e.g."
                    + " '@Task(weight = 50) void chat(VirtualUser user, Http http) { ... }'");
        }
        return userType;
    }

    private static Constructor<?> constructorOf(Class<?> type, String where) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException(where + ": " + type.getName() + " is abstract; give a concrete class with @Task methods");
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw new IllegalArgumentException(where + ": " + type.getName() + " is an inner class; make it a static nested class,"
                    + " so that each virtual user gets its own instance");
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(where + ": " + type.getName() + " has no constructor without parameters;"
                    + " add one, each virtual user gets its own instance");
        }
    }

    private static void requireUsable(Method method, String where) {
        if (Modifier.isStatic(method.getModifiers())) {
            throw new IllegalArgumentException(where + ": a task must not be static; its instance is the user's own state");
        }
        for (Class<?> parameter : method.getParameterTypes()) {
            if (!TestMethodScenario.isPerUser(parameter)) {
                throw new IllegalArgumentException(where + ": parameter of type " + parameter.getSimpleName()
                        + " cannot be given; a task takes VirtualUser and Http only");
            }
        }
    }

    /** The instance of the class that belongs to {@code user}, made at its first task. */
    private static Object instanceFor(VirtualUser user, Map<Integer, Object> instances, Constructor<?> constructor) throws Exception {
        Object instance = instances.get(user.id());
        if (instance == null) {
            try {
                instance = constructor.newInstance();
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : new TestMethodScenario.IterationFailedException(e.getCause());
            }
            instances.put(user.id(), instance);
        }
        return instance;
    }
}
