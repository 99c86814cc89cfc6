package dev.perfgate.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.result.PlanSummary.ArrivalStage;
import dev.perfgate.core.result.PlanSummary.UserTypeSummary;

class PlanSummaryTest {

    private static final PlanSummary TWENTY_USERS = new PlanSummary("closed", 20, "2s", "6s", "10s", "50ms to 150ms",
            List.of(), 0, 50, List.of(), List.of(type("Regular", 70, 14, "chat", 50, "xp", 10), type("Bot", 5, 1, "health", 3, "xp", 1)));

    @Test
    void theSamePlanReadBackPutsTheSameLoad() {
        PlanSummary sameInAnotherOrder = TWENTY_USERS.withUserTypes(List.of(type("Bot", 5, 1, "xp", 1, "health", 3),
                type("Regular", 70, 14, "xp", 10, "chat", 50)));

        assertThat(sameInAnotherOrder.loadDifferencesFrom(TWENTY_USERS)).isEmpty();
        assertThat(new PlanSummary("closed", 4, "2s", "10s", "5s", "0s")
                .loadDifferencesFrom(new PlanSummary("closed", 4, "2s", "10s", "5s", "0s")))
                .isEmpty();
    }

    @Test
    void namesEachChangedFieldWithTheBaselinesValueFirst() {
        PlanSummary calmer = new PlanSummary("closed", 20, "10s", "8s", "10s", "150ms to 350ms", List.of(), 0, 100, List.of(),
                TWENTY_USERS.userTypes());

        assertThat(calmer.loadDifferencesFrom(TWENTY_USERS)).containsExactly("warm-up 2s -> 10s", "duration 6s -> 8s",
                "think time 50ms to 150ms -> 150ms to 350ms", "iterations per user 50 -> 100");
    }

    @Test
    void aRequestTimeoutIsNotLoad() {
        PlanSummary patient = new PlanSummary("closed", 20, "2s", "6s", "30s", "50ms to 150ms", List.of(), 0, 50, List.of(),
                TWENTY_USERS.userTypes());

        assertThat(patient.loadDifferencesFrom(TWENTY_USERS)).isEmpty();
    }

    @Test
    void anotherMixOrArrivalScheduleIsNamedWithBothSides() {
        PlanSummary moreBots = TWENTY_USERS.withUserTypes(List.of(type("Regular", 60, 12, "chat", 50, "xp", 10),
                type("Bot", 15, 3, "health", 3, "xp", 1)));
        PlanSummary open = new PlanSummary("open", 0, "3s", "8s", "10s", "0s", List.of(new ArrivalStage(40, 40, "8s")), 64, 0);
        PlanSummary faster = new PlanSummary("open", 0, "3s", "8s", "10s", "0s", List.of(new ArrivalStage(40, 80.5, "8s")), 64, 0);

        assertThat(moreBots.loadDifferencesFrom(TWENTY_USERS)).containsExactly(
                "user types [Bot 5 {health=3, xp=1}, Regular 70 {chat=50, xp=10}] -> [Bot 15 {health=3, xp=1}, Regular 60 {chat=50, xp=10}]");
        assertThat(faster.loadDifferencesFrom(open)).containsExactly("arrivals [40/s for 8s] -> [40/s->80.5/s over 8s]");
        assertThat(open.loadDifferencesFrom(TWENTY_USERS)).contains("model closed -> open", "users 20 -> 0", "maxInFlight 0 -> 64");
    }

    private static UserTypeSummary type(String name, int weight, int users, String task, int taskWeight, String other, int otherWeight) {
        Map<String, Integer> tasks = new LinkedHashMap<>();
        tasks.put(task, taskWeight);
        tasks.put(other, otherWeight);
        return new UserTypeSummary(name, weight, users, tasks);
    }
}
