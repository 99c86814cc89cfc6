package dev.perfgate.core.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.perfgate.core.time.ReadableRate;

/**
 * The load a result was measured under, in the notation users write.
 *
 * @param model          {@code "closed"}: a fixed number of users, each sending its next request after the last;
 *                       {@code "open"}: iterations start on an arrival schedule
 * @param users          concurrent virtual users; 0 in the open model
 * @param warmUp         unmeasured warm-up, e.g. {@code "2s"}; with a load of its own, {@code "10s at 500/s"}
 *                       (open model) or {@code "5s with 4 users"} (closed model)
 * @param duration       measured phase, e.g. {@code "10s"}
 * @param requestTimeout per-request timeout
 * @param thinkTime      pause of each user after each iteration: {@code "100ms"}, {@code "50ms to 150ms"} (uniform)
 *                       or {@code "exponential 100ms"} (mean); {@code "0s"} in the open model
 * @param arrivals       the open model's arrival schedule, stage by stage; empty in the closed model (and in
 *                       results written before the open model)
 * @param maxInFlight    the open model's cap on iterations running at once; 0 in the closed model
 * @param iterationsPerUser the closed model's session limit: iterations after which a user stops; 0 for none
 * @param userStages     the closed model's user schedule when users are started or stopped during the run (then
 *                       {@code users} is its peak); empty for a fixed number of users and in the open model
 * @param userTypes      the weighted user types the users were divided into ({@link dev.perfgate.core.scenario.UserMix});
 *                       empty when all users ran one scenario (and in results written before user types)
 */
public record PlanSummary(String model, int users, String warmUp, String duration, String requestTimeout, String thinkTime,
        List<ArrivalStage> arrivals, int maxInFlight, long iterationsPerUser, List<UserStageSummary> userStages,
        List<UserTypeSummary> userTypes) {

    public PlanSummary {
        arrivals = arrivals == null ? List.of() : List.copyOf(arrivals);
        userStages = userStages == null ? List.of() : List.copyOf(userStages);
        userTypes = userTypes == null ? List.of() : List.copyOf(userTypes);
    }

    /** A summary without user types, as written before them. */
    public PlanSummary(String model, int users, String warmUp, String duration, String requestTimeout, String thinkTime,
            List<ArrivalStage> arrivals, int maxInFlight, long iterationsPerUser, List<UserStageSummary> userStages) {
        this(model, users, warmUp, duration, requestTimeout, thinkTime, arrivals, maxInFlight, iterationsPerUser, userStages, List.of());
    }

    /** A summary without user stages, as written before them. */
    public PlanSummary(String model, int users, String warmUp, String duration, String requestTimeout, String thinkTime,
            List<ArrivalStage> arrivals, int maxInFlight, long iterationsPerUser) {
        this(model, users, warmUp, duration, requestTimeout, thinkTime, arrivals, maxInFlight, iterationsPerUser, List.of());
    }

    /** A closed-model summary. */
    public PlanSummary(String model, int users, String warmUp, String duration, String requestTimeout, String thinkTime) {
        this(model, users, warmUp, duration, requestTimeout, thinkTime, List.of(), 0, 0);
    }

    /** A copy that records the user types the users were divided into. */
    public PlanSummary withUserTypes(List<UserTypeSummary> types) {
        return new PlanSummary(model, users, warmUp, duration, requestTimeout, thinkTime, arrivals, maxInFlight, iterationsPerUser,
                userStages, types);
    }

    /**
     * How the load of this plan differs from {@code baseline}'s, one entry per field, e.g. {@code "users 10 -> 20"}
     * or {@code "think time 50ms to 150ms -> 150ms to 350ms"}; empty when both put the same load on the app.
     * Warm-up and duration count: a shorter warm-up measures a JIT that is still compiling. The request timeout
     * does not: it changes what counts as an error, not the load.
     *
     * <pre>{@code
     * List<String> changes = result.plan().loadDifferencesFrom(baseline.plan());
     * if (!changes.isEmpty()) {
     *     log.warn(result.testId() + " ran another load than its baseline: " + String.join(", ", changes));
     * }
     * }</pre>
     */
    public List<String> loadDifferencesFrom(PlanSummary baseline) {
        List<String> changes = new ArrayList<>();
        differ(changes, "model", baseline.model, model);
        differ(changes, "users", baseline.users, users);
        differ(changes, "warm-up", baseline.warmUp, warmUp);
        differ(changes, "duration", baseline.duration, duration);
        differ(changes, "think time", baseline.thinkTime, thinkTime);
        differ(changes, "arrivals", describeArrivals(baseline.arrivals), describeArrivals(arrivals));
        differ(changes, "maxInFlight", baseline.maxInFlight, maxInFlight);
        differ(changes, "iterations per user", baseline.iterationsPerUser, iterationsPerUser);
        differ(changes, "user stages", describeStages(baseline.userStages), describeStages(userStages));
        differ(changes, "user types", describeTypes(baseline.userTypes), describeTypes(userTypes));
        return changes;
    }

    private static void differ(List<String> changes, String field, Object before, Object now) {
        if (!Objects.equals(before, now)) {
            changes.add(field + " " + before + " -> " + now);
        }
    }

    private static String describeArrivals(List<ArrivalStage> stages) {
        return stages.stream().map(stage -> stage.fromPerSecond() == stage.toPerSecond()
                ? ReadableRate.format(stage.fromPerSecond()) + " for " + stage.duration()
                : ReadableRate.format(stage.fromPerSecond()) + "->" + ReadableRate.format(stage.toPerSecond()) + " over " + stage.duration())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String describeStages(List<UserStageSummary> stages) {
        return stages.stream().map(stage -> stage.fromUsers() + "->" + stage.toUsers() + " over " + stage.duration())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** Types by name with their weight and tasks, in name order: the order of a file's map is not the mix. */
    private static String describeTypes(List<UserTypeSummary> types) {
        return types.stream().sorted(Comparator.comparing(UserTypeSummary::name))
                .map(type -> type.name() + " " + type.weight() + " " + new TreeMap<>(type.tasks()))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** Whether the plan was an open model. */
    public boolean open() {
        return "open".equals(model);
    }

    /**
     * One stage of an open-model schedule: the arrival rate goes linearly from {@code fromPerSecond} to
     * {@code toPerSecond} over {@code duration} (equal rates: constant).
     *
     * @param fromPerSecond arrivals per second at the start of the stage
     * @param toPerSecond   arrivals per second at its end
     * @param duration      its length, e.g. {@code "10s"}
     */
    public record ArrivalStage(double fromPerSecond, double toPerSecond, String duration) {
    }

    /**
     * One stage of a closed-model user schedule: active users go linearly from {@code fromUsers} to
     * {@code toUsers} over {@code duration} (equal counts: held).
     *
     * @param fromUsers users at the start of the stage
     * @param toUsers   users at its end
     * @param duration  its length, e.g. {@code "10s"}
     */
    public record UserStageSummary(int fromUsers, int toUsers, String duration) {
    }

    /**
     * One user type of a mix: its share of the users and the weights of its tasks.
     *
     * @param name   the type's name, e.g. {@code "regular"}
     * @param weight its weight among the types, e.g. {@code 70}
     * @param users  how many of the run's users (at its peak) were of this type
     * @param tasks  the weight of each of its tasks by task name, in declaration order
     */
    public record UserTypeSummary(String name, int weight, int users, Map<String, Integer> tasks) {

        public UserTypeSummary {
            tasks = tasks == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
        }
    }
}
