package dev.perfgate.sample.gamification;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import dev.perfgate.sample.platform.CacheConfiguration;

/** The leaderboard, aggregated over every XP event and cached (a minute stale is fine for a game). */
@Service
public class LeaderboardService {

    private final JdbcTemplate jdbc;

    public LeaderboardService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Cacheable(cacheNames = CacheConfiguration.LEADERBOARD, key = "'all'")
    public Leaderboard current() {
        return Leaderboard.rank(jdbc.query("SELECT user_id, SUM(points) AS xp FROM xp_events GROUP BY user_id",
                (row, i) -> new Leaderboard.XpTotal(row.getLong("user_id"), row.getLong("xp"))));
    }
}
