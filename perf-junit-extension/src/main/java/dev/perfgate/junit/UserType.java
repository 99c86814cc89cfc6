package dev.perfgate.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One kind of user of a {@link LoadTest}, with its weight among the kinds: the users are divided
 * among the {@code @UserType}s of the method by weight, and each iteration of a user runs one of the
 * {@link Task @Task} methods of its class, drawn by the tasks' weights. Like Locust's user classes
 * or the scenarios of Gatling and k6. See {@code docs/user-mix.md}.
 *
 * <h2>Usage</h2>
 * <pre>{@code
 * @LoadTest(users = 100, duration = "60s", thinkTime = "5s..15s", iterations = 50)
 * @UserType(value = RegularUser.class, weight = 70)
 * @UserType(value = PowerUser.class, weight = 20)
 * @UserType(value = Admin.class, weight = 10)
 * void mixedSuite(VirtualUser user, Http http) {
 *     // runs once per user, before its first task: e.g. log in
 *     http.withHeader("Authorization", "Bearer token-" + user.id());
 * }
 *
 * static class RegularUser {
 *     String lastChat;                       // one instance per virtual user: its own state
 *
 *     @Task(weight = 50)
 *     void chat(VirtualUser user, Http http) {
 *         lastChat = http.post("chat", "/api/chat", "{\"message\":\"hi\"}").header("X-Chat-Id").orElse(null);
 *     }
 *
 *     @Task(weight = 20)
 *     void food(Http http) {
 *         http.get("food", "/api/food", Check.status(200));
 *     }
 * }
 * }</pre>
 *
 * <h2>Semantics</h2>
 * <ul>
 * <li>Users are assigned to types by id, exactly by weight in every run of {@code total weight}
 *     consecutive users (100 users at 70/20/10 are 70, 20 and 10), spread evenly so that a ramp is mixed
 *     from its first users; the result's plan records the users of each type.</li>
 * <li>Each user gets its own instance of its type's class (made with its no-argument constructor at
 *     its first task), so the class's fields are that user's state.</li>
 * <li>With user types, the {@code @LoadTest} method is no longer the iteration: it runs once for each
 *     user, just before its first task (leave it empty when users need no start).</li>
 * <li>Tasks are drawn at random by weight from a random of each user's own with a fixed seed: a run
 *     repeats the same sequence of tasks per user.</li>
 * <li>Closed model only ({@link LoadTest#users()}, {@link LoadTest#stages()}); with
 *     {@link LoadTest#arrivalRate()} the test fails with a configuration error.</li>
 * </ul>
 * A weight below 1, a class without {@code @Task} methods or without a no-argument constructor, a
 * task whose parameters are not {@code VirtualUser} or {@code Http}: the test fails with an
 * {@link org.junit.jupiter.api.extension.ExtensionConfigurationException} naming the attribute, before
 * any container starts.
 *
 * @since 0.1
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(UserTypes.class)
public @interface UserType {

    /** The class whose {@link Task @Task} methods users of this type run, e.g. a static nested class of the test. */
    Class<?> value();

    /** The weight of this type among the method's types, 1 or more, e.g. {@code 70}. */
    int weight() default 1;

    /** The type's name in the result; default the class's simple name. */
    String name() default "";
}
