package dev.perfgate.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A task of a {@link UserType}'s class: one iteration of a user of that type, drawn among the class's
 * tasks with a probability proportional to {@link #weight()}. Its parameters may be
 * {@link dev.perfgate.core.engine.VirtualUser} and {@link dev.perfgate.core.http.Http}; an exception
 * it throws counts as a failed check and the user goes on.
 *
 * <pre>{@code
 * static class RegularUser {
 *     @Task(weight = 50) void chat(Http http) { http.post("chat", "/api/chat", "{}"); }
 *     @Task(weight = 20) void food(Http http) { http.get("food", "/api/food"); }
 * }
 * }</pre>
 *
 * @since 0.1
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Task {

    /** The weight of this task among its class's tasks, 1 or more, e.g. {@code 50}. */
    int weight() default 1;

    /** The task's name in the result's plan; default the method's name. */
    String name() default "";
}
