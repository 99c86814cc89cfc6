package com.example.shelf;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything the detail page shows about a book, from the repositories: three queries, the last
 * ("readers also reviewed") a scan of the reviews. {@link BookDetailsCache} keeps the result.
 */
@Component
public class BookDetailsLookup {

    public record ReviewLine(String reviewer, int rating, String text) {}

    public record BookLink(long id, String title, long sharedReaders) {}

    public record BookDetails(long id, String title, String isbn, int published, int priceCents, long authorId,
                              String authorName, double averageRating, List<ReviewLine> reviews, List<BookLink> alsoReviewed) {}

    private final BookRepository books;
    private final ReviewRepository reviews;

    public BookDetailsLookup(BookRepository books, ReviewRepository reviews) {
        this.books = books;
        this.reviews = reviews;
    }

    @Transactional(readOnly = true)
    public BookDetails load(long id) {
        Book book = books.findWithAuthor(id).orElseThrow(() -> new NotFound("book " + id));
        List<ReviewLine> lines = reviews.findByBook(id).stream()
                .map(r -> new ReviewLine(r.getReviewer(), r.getRating(), r.getText()))
                .toList();
        double average = lines.stream().mapToInt(ReviewLine::rating).average().orElse(0);
        List<BookLink> also = reviews.alsoReviewed(id, PageRequest.of(0, 5)).stream()
                .map(r -> new BookLink((Long) r[0], (String) r[1], (Long) r[2]))
                .toList();
        return new BookDetails(book.getId(), book.getTitle(), book.getIsbn(), book.getPublished(), book.getPriceCents(),
                book.getAuthor().getId(), book.getAuthor().getName(), average, lines, also);
    }
}
