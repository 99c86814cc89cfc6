package dev.perfgate.sample.gamification;

import java.util.List;
import java.util.StringJoiner;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.perfgate.sample.platform.Regressions;
import dev.perfgate.sample.platform.Requests;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/v1/gamification/xp?user_id=}: the user's XP, level and rank, and the top ten. */
@RestController
public class XpController {

    static final int TOP = 10;

    private final LeaderboardService leaderboards;
    private final Regressions regressions;

    public XpController(LeaderboardService leaderboards, Regressions regressions) {
        this.leaderboards = leaderboards;
        this.regressions = regressions;
    }

    @GetMapping("/api/v1/gamification/xp")
    public ResponseEntity<?> xp(@RequestParam(name = "user_id", required = false) Long userId) {
        long user = Requests.userId(userId);
        Leaderboard board = leaderboards.current();
        Leaderboard.Standing standing = board.standing(user).orElse(new Leaderboard.Standing(user, 0, 1, board.size() + 1));
        XpView view = new XpView(user, standing.xp(), standing.level(), standing.rank(), board.size(), board.top(TOP));
        if (regressions.slowSerialization()) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(writeWithNewMapper(view));
        }
        return ResponseEntity.ok(view);
    }

    /**
     * The shipped slowdown of {@link Regressions#SLOW_SERIALIZATION}: the response assembled from
     * {@link #toJson} calls, one per value, instead of Spring's shared mapper writing the whole body.
     */
    private static String writeWithNewMapper(XpView view) {
        StringJoiner top = new StringJoiner(",", "[", "]");
        for (Leaderboard.Standing standing : view.top()) {
            top.add(toJson(standing));
        }
        return "{\"user_id\":" + view.userId() + ",\"xp\":" + view.xp() + ",\"level\":" + view.level()
                + ",\"rank\":" + view.rank() + ",\"ranked_users\":" + view.rankedUsers() + ",\"top\":" + top + "}";
    }

    /**
     * A "small JSON helper" as utility classes often have: it builds its mapper per call, configured like
     * Spring's (snake_case, the Jackson modules found on the classpath), so every call pays for the module
     * lookup and starts with empty serializer caches (Jackson introspects the type again).
     */
    private static String toJson(Object value) {
        return JsonMapper.builder().findAndAddModules().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build()
                .writeValueAsString(value);
    }

    /** The response body. */
    public record XpView(long userId, long xp, int level, int rank, int rankedUsers, List<Leaderboard.Standing> top) {
    }
}
