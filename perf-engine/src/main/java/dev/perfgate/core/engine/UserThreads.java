package dev.perfgate.core.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * What the closed model's virtual users run on: a platform thread each (the default), or, on Java 21
 * and later, a virtual thread each. Found by reflection, so perfgate still compiles and runs on
 * Java 17. See {@code docs/decisions.md} (Threads, virtual threads and many users) for what was measured
 * before keeping platform threads the default.
 *
 * <pre>{@code
 * new LoadEngine().withUserThreads(UserThreads.VIRTUAL).run(plan, target, scenario);
 * // or for every run of the JVM: -Dperfgate.virtualThreads=true
 * }</pre>
 */
public enum UserThreads {

    /** One platform (operating-system) thread per user, a daemon. */
    PLATFORM,
    /** One virtual thread per user; needs Java 21 or later. */
    VIRTUAL;

    /** System property that makes {@link #VIRTUAL} the default of every {@link LoadEngine}: {@value}. */
    public static final String PROPERTY = "perfgate.virtualThreads";

    /** {@code Thread.ofVirtual()}, or {@code null} before Java 21. */
    private static final MethodHandle OF_VIRTUAL = ofVirtual();

    /** Whether this JVM has virtual threads (Java 21 or later). */
    public static boolean virtualAvailable() {
        return OF_VIRTUAL != null;
    }

    /**
     * {@link #VIRTUAL} when the system property {@value #PROPERTY} is {@code true}, else {@link #PLATFORM}.
     *
     * @throws IllegalArgumentException when the property is neither {@code true} nor {@code false}, or asks
     *         for virtual threads on a JVM without them
     */
    public static UserThreads fromProperty() {
        String value = System.getProperty(PROPERTY, "false").strip();
        if (value.equalsIgnoreCase("false")) {
            return PLATFORM;
        }
        if (!value.equalsIgnoreCase("true")) {
            throw new IllegalArgumentException("system property " + PROPERTY + ": '" + value + "' must be true or false");
        }
        return VIRTUAL.requireAvailable("system property " + PROPERTY);
    }

    /**
     * This kind, when this JVM has it.
     *
     * @throws IllegalArgumentException naming {@code where} when virtual threads are asked for before Java 21
     */
    UserThreads requireAvailable(String where) {
        if (this == VIRTUAL && !virtualAvailable()) {
            throw new IllegalArgumentException(where + ": virtual threads need Java 21 or later; this is Java "
                    + Runtime.version().feature() + ". Use platform threads (the default) here");
        }
        return this;
    }

    /** A new, unstarted thread of this kind named {@code name} running {@code task}; a platform one is a daemon. */
    Thread unstarted(String name, Runnable task) {
        if (this == VIRTUAL) {
            requireAvailable("UserThreads.VIRTUAL");
            try {
                Thread thread = (Thread) OF_VIRTUAL.invoke(task);
                thread.setName(name);
                return thread;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot make a virtual thread", e);
            }
        }
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** {@code task -> Thread.ofVirtual().unstarted(task)} as a handle, or {@code null} when the JVM has no virtual threads. */
    private static MethodHandle ofVirtual() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            MethodHandle factory = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual")));
            MethodHandle unstarted = lookup.findVirtual(builder, "unstarted", MethodType.methodType(Thread.class, Runnable.class));
            // (Runnable) -> Thread: unstarted(ofVirtual(), task)
            return MethodHandles.foldArguments(unstarted.asType(MethodType.methodType(Thread.class, factory.type().returnType(), Runnable.class)),
                    factory);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
