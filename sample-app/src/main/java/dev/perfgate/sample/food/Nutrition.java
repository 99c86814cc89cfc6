package dev.perfgate.sample.food;

import java.math.BigDecimal;

/** Nutrition facts of a food per 100 g. */
public record Nutrition(long foodId, String name, BigDecimal kcal, BigDecimal protein, BigDecimal carbs, BigDecimal fat) {
}
