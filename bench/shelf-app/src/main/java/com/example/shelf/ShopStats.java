package com.example.shelf;

import java.util.concurrent.atomic.LongAdder;

import org.springframework.stereotype.Component;

/** Shop-wide review figures, updated on every review: lock-free counters, shown on the review page. */
@Component
public class ShopStats {

    private final LongAdder reviews = new LongAdder();
    private final LongAdder ratingSum = new LongAdder();
    private final LongAdder[] byRating = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};

    public void record(int rating) {
        reviews.increment();
        ratingSum.add(rating);
        byRating[rating - 1].increment();
    }

    public long reviews() {
        return reviews.sum();
    }

    public double averageRating() {
        long n = reviews.sum();
        return n == 0 ? 0 : (double) ratingSum.sum() / n;
    }

    public long withRating(int rating) {
        return byRating[rating - 1].sum();
    }
}
