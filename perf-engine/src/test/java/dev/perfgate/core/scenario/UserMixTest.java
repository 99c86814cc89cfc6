package dev.perfgate.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.result.PlanSummary.UserTypeSummary;

/** Users to types by weight (exact), tasks by weight (random, seeded), and the mix's bad configurations. */
class UserMixTest {

    private static UserType type(String name, int weight, String... tasks) {
        UserType type = UserType.named(name).weight(weight);
        for (String task : tasks) {
            type = type.task(task, 1, user -> { });
        }
        return type;
    }

    private static final UserMix SEVENTY_TWENTY_FIVE_FIVE = UserMix.of(type("regular", 70, "a"), type("power", 20, "a"),
            type("admin", 5, "a"), type("bot", 5, "a"));

    @Test
    void hundredUsersAtSeventyTwentyFiveFiveAreExactlyThat() {
        assertThat(SEVENTY_TWENTY_FIVE_FIVE.usersPerType(100))
                .containsExactly(Map.entry("regular", 70), Map.entry("power", 20), Map.entry("admin", 5), Map.entry("bot", 5));
        assertThat(SEVENTY_TWENTY_FIVE_FIVE.usersPerType(300))
                .containsExactly(Map.entry("regular", 210), Map.entry("power", 60), Map.entry("admin", 15), Map.entry("bot", 15));
    }

    @Test
    void weightsAreReducedSoThatSmallRunsAreExactToo() {
        UserMix threeToOne = UserMix.of(type("reader", 75, "a"), type("writer", 25, "a"));
        assertThat(threeToOne.usersPerType(20)).containsExactly(Map.entry("reader", 15), Map.entry("writer", 5));
        assertThat(threeToOne.usersPerType(4)).containsExactly(Map.entry("reader", 3), Map.entry("writer", 1));
    }

    @Test
    void everyPrefixOfUsersStaysWithinOneUserOfEachTypesShare() {
        // What a ramp sees: whatever number of users is active, the mix is already close to the weights.
        int[] weights = {70, 20, 5, 5};
        for (int users = 1; users <= 1_000; users++) {
            Map<String, Integer> counts = SEVENTY_TWENTY_FIVE_FIVE.usersPerType(users);
            int i = 0;
            for (int count : counts.values()) {
                double share = users * weights[i++] / 100.0;
                assertThat(Math.abs(count - share)).as("%d users: %s", users, counts).isLessThan(1.0);
            }
        }
    }

    @Test
    void typesAreSpreadEvenlyNotInBlocks() {
        List<String> firstTen = new ArrayList<>();
        for (int id = 1; id <= 10; id++) {
            firstTen.add(SEVENTY_TWENTY_FIVE_FIVE.typeOf(id).name());
        }
        assertThat(firstTen).contains("power").filteredOn("regular"::equals).hasSize(7);
    }

    @Test
    void tasksAreDrawnByWeightWithinABinomialBound() throws Exception {
        Map<String, Integer> weights = new LinkedHashMap<>(Map.of("chat", 50, "food", 20, "reminders", 20, "xp", 10));
        Map<String, Integer> runs = new LinkedHashMap<>();
        UserType regular = UserType.named("regular");
        for (Map.Entry<String, Integer> task : weights.entrySet()) {
            regular = regular.task(task.getKey(), task.getValue(), user -> runs.merge(task.getKey(), 1, Integer::sum));
        }
        UserMix mix = UserMix.of(regular);
        int iterations = 0;
        for (int id = 1; id <= 20; id++) {
            TestUser user = new TestUser(id);
            for (int i = 0; i < 1_000; i++) {
                user.iterate(mix);
                iterations++;
            }
        }
        for (Map.Entry<String, Integer> task : weights.entrySet()) {
            double p = task.getValue() / 100.0;
            double expected = iterations * p;
            double fourSigma = 4 * Math.sqrt(iterations * p * (1 - p));
            assertThat((double) runs.get(task.getKey())).as(task.getKey()).isBetween(expected - fourSigma, expected + fourSigma);
        }
    }

    @Test
    void theSameSeedRepeatsEachUsersTaskSequenceAndUsersDiffer() throws Exception {
        assertThat(sequence(UserMix.DEFAULT_SEED, 1)).isEqualTo(sequence(UserMix.DEFAULT_SEED, 1))
                .isNotEqualTo(sequence(UserMix.DEFAULT_SEED, 2))
                .isNotEqualTo(sequence(7, 1));
    }

    /** The tasks user {@code userId} runs in 40 iterations of a mix of four equal tasks seeded with {@code seed}. */
    private static List<String> sequence(long seed, int userId) throws Exception {
        List<String> names = new ArrayList<>();
        UserType type = UserType.named("t");
        for (String name : List.of("a", "b", "c", "d")) {
            type = type.task(name, 1, user -> names.add(name));
        }
        UserMix mix = UserMix.of(type).withSeed(seed);
        TestUser user = new TestUser(userId);
        for (int i = 0; i < 40; i++) {
            user.iterate(mix);
        }
        return names;
    }

    @Test
    void describesEachTypeWithItsUsersAndTaskWeights() {
        UserMix mix = UserMix.of(UserType.named("regular").weight(3).task("chat", 50, u -> { }).task("food", 20, u -> { }),
                UserType.named("admin").weight(1).task("stats", 1, u -> { }));
        assertThat(mix.describe(8)).containsExactly(
                new UserTypeSummary("regular", 3, 6, Map.of("chat", 50, "food", 20)),
                new UserTypeSummary("admin", 1, 2, Map.of("stats", 1)));
    }

    @Test
    void badConfigurationsNameWhatIsWrong() {
        assertThatThrownBy(() -> UserType.named("admin").weight(0)).hasMessageContaining("user type 'admin': weight 0 must be 1 or more");
        assertThatThrownBy(() -> UserType.named("admin").task("stats", -1, u -> { }))
                .hasMessageContaining("task 'stats': weight -1 must be 1 or more");
        assertThatThrownBy(() -> UserMix.of(UserType.named("admin"))).hasMessageContaining("user type 'admin' has no task");
        assertThatThrownBy(() -> UserMix.of(List.of())).hasMessageContaining("no user type given");
        assertThatThrownBy(() -> UserMix.of(type("a", 1, "x"), type("a", 2, "y"))).hasMessageContaining("two user types are named 'a'");
        assertThatThrownBy(() -> type("a", 1, "x", "x")).hasMessageContaining("two tasks named 'x'");
        assertThatThrownBy(() -> UserType.named(" ")).hasMessageContaining("must not be blank");
    }
}
