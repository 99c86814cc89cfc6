package com.example.shelf;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Service;

/** Adds a review: moderates its text, saves it, updates the shop's figures and evicts the book's cached page. */
@Service
public class ReviewService {

    public record Receipt(long reviewId, long bookId, int rating, String text, long shopReviews, double shopAverage) {}

    private static final Set<String> BANNED = Set.of("spoiler", "scam", "idiot", "rubbish");

    private final BookRepository books;
    private final ReviewRepository reviews;
    private final ShopStats stats;
    private final BookDetailsCache cache;

    public ReviewService(BookRepository books, ReviewRepository reviews, ShopStats stats, BookDetailsCache cache) {
        this.books = books;
        this.reviews = reviews;
        this.stats = stats;
        this.cache = cache;
    }

    public Receipt add(long bookId, String reviewer, int rating, String text) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating " + rating + " is not 1 to 5");
        }
        if (!books.existsById(bookId)) {
            throw new NotFound("book " + bookId);
        }
        String moderated = moderate(text);
        // Not inside a transaction of ours: save() commits on its own.
        Review saved = reviews.save(new Review(books.getReferenceById(bookId), reviewer, rating, moderated, Instant.now()));
        stats.record(rating);
        cache.evict(bookId);
        return new Receipt(saved.getId(), bookId, rating, moderated, stats.reviews(), stats.averageRating());
    }

    /** Masks banned words and collapses whitespace: the small computation on the hot path. */
    static String moderate(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String word : text.trim().split("\\s+")) {
            String bare = word.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(BANNED.contains(bare) ? "*".repeat(word.length()) : word);
        }
        return out.toString();
    }
}
