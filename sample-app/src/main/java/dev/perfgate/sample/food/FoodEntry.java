package dev.perfgate.sample.food;

import java.math.BigDecimal;

/** A logged portion: what was eaten, how much, its calories, and the XP it earned. */
public record FoodEntry(long id, long userId, String foodName, BigDecimal quantity, BigDecimal kcal, int xpEarned) {
}
