package dev.perfgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How a plan is dealt out to the parts of a distributed run: the parts add up to the plan exactly. */
class SegmentTest {

    private static List<Segment> parts(int count) {
        List<Segment> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(new Segment(i, count, null));
        }
        return parts;
    }

    @Test
    void everyUserRunsInExactlyOnePart() {
        for (int count : new int[] {1, 2, 3, 4, 7}) {
            for (int users : new int[] {7, 8, 10, 100, 101}) {
                List<Segment> parts = parts(count);
                for (int id = 1; id <= users; id++) {
                    int user = id;
                    assertThat(parts.stream().filter(part -> part.hasUser(user))).as("user %d of %d parts", id, count).hasSize(1);
                }
                assertThat(parts.stream().mapToInt(part -> part.usersOf(users)).sum()).as("%d users, %d parts", users, count)
                        .isEqualTo(users);
                for (Segment part : parts) {
                    long dealt = java.util.stream.IntStream.rangeClosed(1, users).filter(part::hasUser).count();
                    assertThat(part.usersOf(users)).isEqualTo((int) dealt);
                }
            }
        }
    }

    @Test
    void theArrivalsAreDealtInTurnSoThatEachIsRunOnce() {
        List<Segment> parts = parts(3);
        List<Long> dealt = new ArrayList<>();
        for (long local = 0; local < 4; local++) {
            for (Segment part : parts) {
                dealt.add(part.arrival(local));
            }
        }
        assertThat(dealt).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(Segment.WHOLE.arrival(41)).isEqualTo(41);
    }

    @Test
    void thePartsShareTheIterationsInFlight() {
        assertThat(parts(3).stream().mapToInt(part -> part.maxInFlightOf(64)).toArray()).containsExactly(22, 21, 21);
        assertThatThrownBy(() -> new Segment(0, 4, null).maxInFlightOf(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxInFlight: 3 cannot be shared by 4");
    }

    @Test
    void aPlanThatLeavesAPartIdleOrAStartTooFarAheadIsRefused() {
        LoadPlan threeUsers = new LoadPlan(3, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThatThrownBy(() -> new Segment(3, 4, null).requireFits(threeUsers))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("users: 3 cannot be shared by 4 load generators");
        new Segment(2, 3, null).requireFits(threeUsers);
        assertThatThrownBy(() -> new Segment(0, 2, Instant.now().plus(Duration.ofHours(1))).requireFits(threeUsers))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startAt").hasMessageContaining("clocks");
    }

    @Test
    void aPartOutsideItsRunIsRefused() {
        assertThatThrownBy(() -> new Segment(4, 4, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index: 4 is out of range for 4 parts");
        assertThatThrownBy(() -> new Segment(0, 0, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count: 0");
        assertThat(new Segment(1, 4, null)).hasToString("part 2 of 4");
    }

    @Test
    void aPartWaitsForTheSharedStartAndNotForOneThatHasPassed() {
        long before = System.nanoTime();
        new Segment(0, 2, Instant.now().plusMillis(300)).awaitStart();
        long waited = System.nanoTime() - before;
        new Segment(0, 2, Instant.now().minusSeconds(5)).awaitStart();
        long passed = System.nanoTime() - before - waited;

        assertThat(Duration.ofNanos(waited)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(passed)).isLessThan(Duration.ofMillis(250));
    }
}
