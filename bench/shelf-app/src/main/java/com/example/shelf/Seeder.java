package com.example.shelf;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Seeds the catalogue: 50 authors, 2,000 books (40 each) and 2-8 reviews a book from 400 readers.
 * Runs after every bean exists (Hibernate has made the schema) and before the web server starts, so
 * /actuator/health answers only once the data is there. Plain JDBC batches: a few hundred
 * milliseconds instead of seconds of entity inserts. A fixed seed makes every run's data the same.
 */
@Component
public class Seeder implements SmartInitializingSingleton {

    static final int AUTHORS = 50;
    static final int BOOKS_PER_AUTHOR = 40;
    static final int READERS = 400;

    private static final String[] WORDS = {"Silent", "River", "Glass", "Winter", "Garden", "Iron", "Paper", "Night",
            "Harbour", "Orchard", "Lantern", "Salt", "Copper", "Island", "Letters", "Shadow", "Summer", "Atlas"};
    private static final String[] COUNTRIES = {"Ireland", "Chile", "Japan", "Norway", "Nigeria", "Canada", "Italy"};
    private static final String[] PHRASES = {"Could not put it down.", "A slow start, then wonderful.",
            "The ending felt rushed.", "Beautifully written.", "Not for me.", "I recommend it to everyone."};

    private final JdbcTemplate jdbc;

    public Seeder(JdbcTemplate jdbc, EntityManagerFactory schemaFirst) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Random random = new Random(42);
        List<Object[]> authors = new ArrayList<>();
        for (int a = 1; a <= AUTHORS; a++) {
            authors.add(new Object[] {"Author " + a, COUNTRIES[a % COUNTRIES.length], 1930 + random.nextInt(60)});
        }
        jdbc.batchUpdate("insert into author (name, country, born) values (?, ?, ?)", authors);

        // Identity columns of a fresh database count from 1, so author a has id a and book b id b.
        List<Object[]> books = new ArrayList<>();
        for (int b = 1; b <= AUTHORS * BOOKS_PER_AUTHOR; b++) {
            String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + b;
            books.add(new Object[] {title, "978-" + (1_000_000_000L + b), 1960 + random.nextInt(64),
                    500 + random.nextInt(3000), 1 + (b - 1) % AUTHORS});
        }
        jdbc.batchUpdate("insert into book (title, isbn, published, price_cents, author_id) values (?, ?, ?, ?, ?)", books);

        List<Object[]> reviews = new ArrayList<>();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int b = 1; b <= books.size(); b++) {
            for (int r = 2 + random.nextInt(7); r > 0; r--) {
                reviews.add(new Object[] {b, "reader-" + (1 + random.nextInt(READERS)), 1 + random.nextInt(5),
                        PHRASES[random.nextInt(PHRASES.length)], Timestamp.from(start.plusSeconds(random.nextInt(30_000_000)))});
            }
        }
        jdbc.batchUpdate("insert into review (book_id, reviewer, rating, text, created_at) values (?, ?, ?, ?, ?)", reviews);
    }
}
