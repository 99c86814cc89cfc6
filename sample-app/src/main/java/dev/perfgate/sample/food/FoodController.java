package dev.perfgate.sample.food;

import java.math.BigDecimal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.perfgate.sample.platform.Requests;

/** {@code POST /api/v1/food {user_id, food_name, quantity}}: logs grams of a food with its calories. */
@RestController
public class FoodController {

    private final FoodLog foodLog;

    public FoodController(FoodLog foodLog) {
        this.foodLog = foodLog;
    }

    @PostMapping("/api/v1/food")
    @ResponseStatus(HttpStatus.CREATED)
    public FoodEntry log(@RequestBody FoodRequest request) {
        long userId = Requests.userId(request.userId());
        String food = Requests.text("food_name", request.foodName(), 64);
        BigDecimal grams = request.quantity();
        if (grams == null || grams.signum() <= 0 || grams.compareTo(BigDecimal.valueOf(5000)) > 0) {
            throw Requests.badRequest("quantity must be grams above 0 and at most 5000, e.g. 150; got " + grams);
        }
        return foodLog.log(userId, food, grams);
    }

    /** The request body. */
    public record FoodRequest(Long userId, String foodName, BigDecimal quantity) {
    }
}
