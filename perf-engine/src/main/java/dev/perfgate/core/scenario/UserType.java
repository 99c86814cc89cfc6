package dev.perfgate.core.scenario;

import java.util.ArrayList;
import java.util.List;

import dev.perfgate.core.engine.Scenario;

/**
 * A kind of user in a {@link UserMix} (as a user class in Locust, a scenario in Gatling or k6): its
 * weight among the types, and its weighted {@link Task tasks}. Immutable: each {@code task} call
 * returns a new type.
 *
 * <pre>{@code
 * UserType regular = UserType.named("regular").weight(70)
 *         .task("chat", 50, user -> user.http().post("chat", "/api/chat", "{}"))
 *         .task("food", 20, user -> user.http().get("food", "/api/food"));
 * }</pre>
 */
public final class UserType {

    private final String name;
    private final int weight;
    private final List<Task> tasks;

    private UserType(String name, int weight, List<Task> tasks) {
        this.name = name;
        this.weight = weight;
        this.tasks = List.copyOf(tasks);
    }

    /** A type called {@code name} (e.g. {@code "regular"}), of weight 1 and without tasks yet. */
    public static UserType named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("user type name: '" + name + "' must not be blank, e.g. \"regular\"");
        }
        return new UserType(name.strip(), 1, List.of());
    }

    /** A copy of weight {@code newWeight} among the mix's types, at least 1, e.g. 70 of 100. */
    public UserType weight(int newWeight) {
        if (newWeight < 1) {
            throw new IllegalArgumentException("user type '" + name + "': weight " + newWeight + " must be 1 or more, e.g. 70");
        }
        return new UserType(name, newWeight, tasks);
    }

    /** A copy with one more task: {@code name} of weight {@code taskWeight}, doing {@code action}. */
    public UserType task(String taskName, int taskWeight, Scenario action) {
        return task(Task.of(taskName, taskWeight, action));
    }

    /** A copy with one more task. */
    public UserType task(Task task) {
        if (tasks.stream().anyMatch(t -> t.name().equals(task.name()))) {
            throw new IllegalArgumentException("user type '" + name + "' has two tasks named '" + task.name() + "'; name each once");
        }
        List<Task> more = new ArrayList<>(tasks);
        more.add(task);
        return new UserType(name, weight, more);
    }

    /** The type's name. */
    public String name() {
        return name;
    }

    /** Its weight among the mix's types. */
    public int weight() {
        return weight;
    }

    /** Its tasks, in the order they were added. */
    public List<Task> tasks() {
        return tasks;
    }

    @Override
    public String toString() {
        return "UserType[" + name + ", weight " + weight + ", tasks " + tasks.stream().map(t -> t.name() + "=" + t.weight()).toList() + "]";
    }
}
