package dev.perfgate.core.scenario;

import java.util.Objects;

import dev.perfgate.core.engine.Scenario;

/**
 * One thing a user of a {@link UserType} does, with its weight among the type's tasks: each iteration
 * of the user runs one task, drawn at random with a probability proportional to its weight.
 *
 * <pre>{@code
 * Task chat = Task.of("chat", 50, user -> user.http().post("chat", "/api/chat", "{\"message\":\"hi\"}"));
 * }</pre>
 *
 * @param name   the task's name, e.g. {@code "chat"}: in the result's plan and in error messages
 *               (operations keep the names the requests give them)
 * @param weight its weight among the type's tasks, at least 1
 * @param action what it does: one iteration of the user
 */
public record Task(String name, int weight, Scenario action) {

    public Task {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("task name: '" + name + "' must not be blank, e.g. \"chat\"");
        }
        if (weight < 1) {
            throw new IllegalArgumentException("task '" + name + "': weight " + weight + " must be 1 or more, e.g. 50");
        }
        Objects.requireNonNull(action, () -> "task '" + name + "': action");
    }

    /** The task {@code name} of weight {@code weight} doing {@code action}. */
    public static Task of(String name, int weight, Scenario action) {
        return new Task(name, weight, action);
    }
}
