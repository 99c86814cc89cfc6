package dev.perfgate.sample.gamification;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every user's XP ranked, highest first, with standard competition ranking (equal XP, equal rank; the
 * next rank skips: 1, 2, 2, 4). Immutable, so one instance can be cached and shared by all requests.
 *
 * <pre>{@code
 * Leaderboard board = Leaderboard.rank(List.of(new XpTotal(1, 120), new XpTotal(2, 300)));
 * board.standing(1);   // Optional[Standing[userId=1, xp=120, level=2, rank=2]]
 * }</pre>
 */
public final class Leaderboard {

    /** XP a user needs for level n is {@code XP_PER_LEVEL * (n - 1)^2}. */
    static final long XP_PER_LEVEL = 50;

    private final Standing[] ranked;
    private final Map<Long, Standing> byUser;

    private Leaderboard(Standing[] ranked) {
        this.ranked = ranked;
        this.byUser = new HashMap<>(ranked.length * 2);
        for (Standing standing : ranked) {
            byUser.put(standing.userId(), standing);
        }
    }

    /** Ranks {@code totals} (one per user, any order). */
    public static Leaderboard rank(List<XpTotal> totals) {
        XpTotal[] sorted = totals.toArray(XpTotal[]::new);
        Arrays.sort(sorted, (a, b) -> a.xp() != b.xp() ? Long.compare(b.xp(), a.xp()) : Long.compare(a.userId(), b.userId()));
        Standing[] ranked = new Standing[sorted.length];
        int rank = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i].xp() != sorted[i - 1].xp()) {
                rank = i + 1;
            }
            ranked[i] = new Standing(sorted[i].userId(), sorted[i].xp(), level(sorted[i].xp()), rank);
        }
        return new Leaderboard(ranked);
    }

    /** The level of a user with {@code xp} points: 1 from 0 XP, 2 from 50, 3 from 200, 4 from 450... */
    public static int level(long xp) {
        return (int) Math.floor(Math.sqrt((double) Math.max(0, xp) / XP_PER_LEVEL)) + 1;
    }

    /** The first {@code n} standings (fewer when fewer users have XP). */
    public List<Standing> top(int n) {
        return List.of(Arrays.copyOf(ranked, Math.min(n, ranked.length)));
    }

    /** The user's standing, empty when the user has no XP yet. */
    public Optional<Standing> standing(long userId) {
        return Optional.ofNullable(byUser.get(userId));
    }

    /** How many users are ranked. */
    public int size() {
        return ranked.length;
    }

    /** A user's XP total, as the database sums it. */
    public record XpTotal(long userId, long xp) {
    }

    /** A user's place on the board. */
    public record Standing(long userId, long xp, int level, int rank) {
    }
}
