package dev.perfgate.sample.gamification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.perfgate.sample.gamification.Leaderboard.Standing;
import dev.perfgate.sample.gamification.Leaderboard.XpTotal;

class LeaderboardTest {

    @Test
    void ranksHighestFirstAndTiesShareARank() {
        Leaderboard board = Leaderboard.rank(List.of(new XpTotal(1, 100), new XpTotal(2, 300), new XpTotal(3, 300), new XpTotal(4, 50)));

        assertThat(board.top(10)).containsExactly(new Standing(2, 300, 3, 1), new Standing(3, 300, 3, 1),
                new Standing(1, 100, 2, 3), new Standing(4, 50, 2, 4));
        assertThat(board.top(1)).hasSize(1);
        assertThat(board.size()).isEqualTo(4);
    }

    @Test
    void findsAUsersStanding() {
        Leaderboard board = Leaderboard.rank(List.of(new XpTotal(7, 450), new XpTotal(8, 10)));

        assertThat(board.standing(8)).contains(new Standing(8, 10, 1, 2));
        assertThat(board.standing(9)).isEmpty();
    }

    @Test
    void levelsGrowWithTheSquareRootOfXp() {
        assertThat(Leaderboard.level(0)).isEqualTo(1);
        assertThat(Leaderboard.level(49)).isEqualTo(1);
        assertThat(Leaderboard.level(50)).isEqualTo(2);
        assertThat(Leaderboard.level(200)).isEqualTo(3);
        assertThat(Leaderboard.level(450)).isEqualTo(4);
    }
}
