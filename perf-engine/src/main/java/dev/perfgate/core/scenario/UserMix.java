package dev.perfgate.core.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import dev.perfgate.core.engine.Scenario;
import dev.perfgate.core.engine.VirtualUser;
import dev.perfgate.core.result.PlanSummary.UserTypeSummary;

/**
 * Users of several weighted {@link UserType types}, each iteration running one of its type's weighted
 * {@link Task tasks}: a {@link Scenario} for the closed model, like Locust's user classes with
 * {@code @task} weights.
 *
 * <pre>{@code
 * UserMix mix = UserMix.of(
 *         UserType.named("regular").weight(70)
 *                 .task("chat", 50, user -> user.http().post("chat", "/api/chat", "{}"))
 *                 .task("food", 20, user -> user.http().get("food", "/api/food")),
 *         UserType.named("admin").weight(5)
 *                 .task("stats", 1, user -> user.http().get("stats", "/admin/stats")));
 * new LoadEngine().run(LoadPlan.of(...), target, mix);
 * }</pre>
 *
 * <h2>Which user is of which type</h2>
 * Users are assigned to types by their id, in the fixed order of a smooth weighted round robin (the
 * algorithm of nginx's weighted upstreams): user {@code n} gets the {@code n}-th pick. Every
 * {@code total weight} consecutive users (after dividing the weights by their greatest common
 * divisor) hold each type exactly its weight times, spread evenly: 100 users at 70/20/5/5 are exactly
 * 70, 20, 5 and 5, and 20 users at 3/1 are 15 and 5. The first users of a ramp are mixed too, not all
 * of the heaviest type. The assignment does not depend on timing, so it is the same in every run.
 *
 * <h2>Which task runs</h2>
 * Each iteration draws one task of the user's type with probability proportional to its weight, from
 * a random of the user's own, seeded by the mix's seed and the user's id: a run repeats the same
 * sequence of tasks per user (as long as its users run the same number of iterations).
 *
 * <h2>Open model</h2>
 * In the open model a virtual user is a worker of a pool that takes arrivals as they come, so the
 * types would follow the workers' load, not the weights: use a mix with {@link dev.perfgate.core.engine.LoadPlan}.
 *
 * <p>Thread-safe: users call {@link #iterate} from their own threads. Keeps each user's random: use a
 * new mix (or {@link #withSeed}) for each run that should repeat the task sequence.
 */
public final class UserMix implements Scenario {

    /** The seed task draws start from unless {@link #withSeed} says otherwise. */
    public static final long DEFAULT_SEED = 20_240_521L;

    private final List<UserType> types;
    private final Weights typeWeights;
    private final List<Weights> taskWeights;
    private final long seed;
    private final Map<Integer, SplittableRandom> randoms = new ConcurrentHashMap<>();

    private UserMix(List<UserType> types, long seed) {
        this.types = List.copyOf(types);
        this.seed = seed;
        this.typeWeights = new Weights(types.stream().mapToInt(UserType::weight).toArray(),
                types.stream().map(t -> "user type '" + t.name() + "'").toArray(String[]::new));
        List<Weights> tasks = new ArrayList<>();
        for (UserType type : types) {
            tasks.add(new Weights(type.tasks().stream().mapToInt(Task::weight).toArray(),
                    type.tasks().stream().map(t -> "task '" + t.name() + "' of user type '" + type.name() + "'").toArray(String[]::new)));
        }
        this.taskWeights = List.copyOf(tasks);
    }

    /**
     * A mix of {@code types}, each with at least one task, names unique.
     *
     * @throws IllegalArgumentException naming the type that has no task or whose name is taken, or when there is no type
     */
    public static UserMix of(UserType... types) {
        return of(List.of(types));
    }

    /** A mix of {@code types}, as {@link #of(UserType...)}. */
    public static UserMix of(List<UserType> types) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("user mix: no user type given; give one or more, e.g. UserType.named(\"regular\").weight(70)"
                    + ".task(\"chat\", 50, user -> ...)");
        }
        Set<String> names = new HashSet<>();
        for (UserType type : types) {
            if (!names.add(type.name())) {
                throw new IllegalArgumentException("user mix: two user types are named '" + type.name() + "'; name each once");
            }
            if (type.tasks().isEmpty()) {
                throw new IllegalArgumentException("user type '" + type.name() + "' has no task; add one, e.g. .task(\"chat\", 50, user -> ...)");
            }
        }
        return new UserMix(types, DEFAULT_SEED);
    }

    /** A copy whose task draws start from {@code newSeed} (fresh randoms for every user). */
    public UserMix withSeed(long newSeed) {
        return new UserMix(types, newSeed);
    }

    /** The mix's types, in the order given. */
    public List<UserType> types() {
        return types;
    }

    /** The type of the user with id {@code userId} (1-based). */
    public UserType typeOf(int userId) {
        return types.get(typeWeights.inOrder(userId - 1L));
    }

    /** How many of users 1 to {@code users} are of each type, by type name, in the order of {@link #types()}. */
    public Map<String, Integer> usersPerType(int users) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        types.forEach(type -> counts.put(type.name(), 0));
        for (int id = 1; id <= users; id++) {
            counts.merge(typeOf(id).name(), 1, Integer::sum);
        }
        return counts;
    }

    /** The types as a result records them, for a run of {@code users} users (at its peak). */
    public List<UserTypeSummary> describe(int users) {
        Map<String, Integer> counts = usersPerType(users);
        return types.stream().map(type -> {
            Map<String, Integer> tasks = new LinkedHashMap<>();
            type.tasks().forEach(task -> tasks.put(task.name(), task.weight()));
            return new UserTypeSummary(type.name(), type.weight(), counts.get(type.name()), tasks);
        }).toList();
    }

    @Override
    public void iterate(VirtualUser user) throws Exception {
        int type = typeWeights.inOrder(user.id() - 1L);
        SplittableRandom random = randoms.computeIfAbsent(user.id(), id -> new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id));
        Task task = types.get(type).tasks().get(taskWeights.get(type).draw(random));
        task.action().iterate(user);
    }

    @Override
    public String toString() {
        return "UserMix" + types;
    }
}
