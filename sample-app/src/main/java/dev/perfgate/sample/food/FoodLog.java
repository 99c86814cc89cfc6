package dev.perfgate.sample.food;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Logs a portion: nutrition lookup (cached), the food-log row and the XP it earns, in one transaction. */
@Service
public class FoodLog {

    static final int XP_PER_ENTRY = 10;
    private static final BigDecimal HUNDRED_GRAMS = BigDecimal.valueOf(100);

    private final NutritionLookup nutrition;
    private final JdbcTemplate jdbc;

    public FoodLog(NutritionLookup nutrition, JdbcTemplate jdbc) {
        this.nutrition = nutrition;
        this.jdbc = jdbc;
    }

    @Transactional
    public FoodEntry log(long userId, String foodName, BigDecimal grams) {
        Nutrition facts = nutrition.find(foodName);
        if (facts == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no nutrition facts for food_name '" + foodName + "'");
        }
        BigDecimal kcal = facts.kcal().multiply(grams).divide(HUNDRED_GRAMS, 2, RoundingMode.HALF_UP);
        Timestamp now = Timestamp.from(Instant.now());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO food_log (user_id, food_id, grams, kcal, logged_at) VALUES (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            insert.setLong(1, userId);
            insert.setLong(2, facts.foodId());
            insert.setBigDecimal(3, grams);
            insert.setBigDecimal(4, kcal);
            insert.setTimestamp(5, now);
            return insert;
        }, key);
        jdbc.update("INSERT INTO xp_events (user_id, points, earned_at) VALUES (?, ?, ?)", userId, XP_PER_ENTRY, now);
        return new FoodEntry(key.getKey().longValue(), userId, facts.name(), grams, kcal, XP_PER_ENTRY);
    }
}
