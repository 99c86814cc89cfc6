package dev.perfgate.junit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import dev.perfgate.core.engine.Scenario;
import dev.perfgate.core.engine.VirtualUser;
import dev.perfgate.core.http.Http;

/**
 * The test method as a {@link Scenario}: each iteration calls it with the virtual user's own
 * {@link Http} and {@link VirtualUser} in place of the placeholders JUnit resolved.
 */
final class TestMethodScenario implements Scenario {

    private final Method method;
    private final Object target;
    private final Object[] resolvedArguments;

    TestMethodScenario(Method method, Object target, Object[] resolvedArguments) {
        this.method = method;
        this.target = target;
        this.resolvedArguments = resolvedArguments.clone();
        method.setAccessible(true);
    }

    @Override
    public void iterate(VirtualUser user) throws Exception {
        invoke(method, target, resolvedArguments, user);
    }

    /**
     * Calls {@code method} on {@code target} with {@code resolvedArguments}, the per-user parameters
     * replaced by {@code user}'s own; what it throws is rethrown as an exception.
     */
    static void invoke(Method method, Object target, Object[] resolvedArguments, VirtualUser user) throws Exception {
        Object[] arguments = resolvedArguments.clone();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == Http.class) {
                arguments[i] = user.http();
            } else if (types[i] == VirtualUser.class) {
                arguments[i] = user;
            }
        }
        try {
            method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw new IterationFailedException(cause);
        }
    }

    /** Whether the extension resolves parameters of {@code type}. */
    static boolean isPerUser(Class<?> type) {
        return type == Http.class || type == VirtualUser.class;
    }

    /** What JUnit passes for a per-user parameter; only the real one, per user, may be used. */
    static Object placeholder(Class<?> type) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, called, args) -> {
            if (called.getName().equals("toString")) {
                return "placeholder " + type.getSimpleName();
            }
            throw new IllegalStateException(type.getSimpleName() + " is given to each virtual user of a @LoadTest;"
                    + " use the method parameter, do not keep it beyond the iteration");
        });
    }

    /** An {@link Error} (e.g. a failed assertion) thrown by one iteration, counted as a failed check. */
    static final class IterationFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        IterationFailedException(Throwable cause) {
            super(cause.toString(), cause);
        }
    }
}
