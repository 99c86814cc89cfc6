package dev.perfgate.sample.food;

import java.util.List;
import java.util.Locale;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.perfgate.sample.platform.CacheConfiguration;

/**
 * Finds a food's nutrition facts by name, ignoring case. The query cannot use an index (it compares
 * {@code LOWER(name)}), so it scans the foods table; the cache makes repeated lookups free.
 */
@Component
public class NutritionLookup {

    private final JdbcTemplate jdbc;

    public NutritionLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Cacheable(cacheNames = CacheConfiguration.NUTRITION, key = "#name.toLowerCase()", unless = "#result == null")
    public Nutrition find(String name) {
        List<Nutrition> found = jdbc.query(
                "SELECT id, name, kcal, protein, carbs, fat FROM foods WHERE LOWER(name) = ?",
                (row, i) -> new Nutrition(row.getLong("id"), row.getString("name"), row.getBigDecimal("kcal"),
                        row.getBigDecimal("protein"), row.getBigDecimal("carbs"), row.getBigDecimal("fat")),
                name.toLowerCase(Locale.ROOT));
        return found.isEmpty() ? null : found.get(0);
    }
}
