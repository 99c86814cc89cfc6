package com.example.shelf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The list page and the author page. */
@Service
@Transactional(readOnly = true)
public class Catalog {

    public static final int PAGE_SIZE = 20;

    public record BookRow(long id, String title, long authorId, String authorName, int published, long reviews) {}

    public record AuthorBook(long id, String title, int published, double averageRating, long reviews) {}

    public record AuthorPage(long id, String name, String country, int born, List<AuthorBook> books) {}

    private final BookRepository books;
    private final ReviewRepository reviews;
    private final AuthorRepository authors;
    private final Regression regression;

    public Catalog(BookRepository books, ReviewRepository reviews, AuthorRepository authors, Regression regression) {
        this.books = books;
        this.reviews = reviews;
        this.authors = authors;
        this.regression = regression;
    }

    public long pages() {
        return (books.count() + PAGE_SIZE - 1) / PAGE_SIZE;
    }

    public List<BookRow> page(int page) {
        PageRequest request = PageRequest.of(page, PAGE_SIZE);
        if (regression.is(Regression.Kind.NPLUS1)) {
            // The regression: books alone, then each row touches its author and its reviews, each
            // a query of its own (up to 40 more per page).
            return books.findPage(request).stream()
                    .map(b -> new BookRow(b.getId(), b.getTitle(), b.getAuthor().getId(), b.getAuthor().getName(),
                            b.getPublished(), b.getReviews().size()))
                    .toList();
        }
        // As shipped: books with their authors in one query, the review counts in a second.
        List<Book> found = books.findPageWithAuthors(request);
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : reviews.countByBookIds(found.stream().map(Book::getId).toList())) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return found.stream()
                .map(b -> new BookRow(b.getId(), b.getTitle(), b.getAuthor().getId(), b.getAuthor().getName(),
                        b.getPublished(), counts.getOrDefault(b.getId(), 0L)))
                .toList();
    }

    public AuthorPage author(long id) {
        Author author = authors.findById(id).orElseThrow(() -> new NotFound("author " + id));
        if (regression.is(Regression.Kind.DELAY2MS)) {
            sleep2ms();
        }
        List<AuthorBook> rated = books.findRatedByAuthor(id).stream()
                .map(r -> new AuthorBook((Long) r[0], (String) r[1], (Integer) r[2],
                        r[3] == null ? 0 : ((Number) r[3]).doubleValue(), (Long) r[4]))
                .toList();
        return new AuthorPage(author.getId(), author.getName(), author.getCountry(), author.getBorn(), rated);
    }

    /** The delay2ms regression: 2 ms more per author page, the one regression that is a plain sleep. */
    private static void sleep2ms() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
