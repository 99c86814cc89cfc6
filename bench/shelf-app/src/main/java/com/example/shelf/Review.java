package com.example.shelf;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Review {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Book book;
    private String reviewer;
    private int rating;
    private String text;
    private Instant createdAt;

    protected Review() {
    }

    public Review(Book book, String reviewer, int rating, String text, Instant createdAt) {
        this.book = book;
        this.reviewer = reviewer;
        this.rating = rating;
        this.text = text;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Book getBook() { return book; }
    public String getReviewer() { return reviewer; }
    public int getRating() { return rating; }
    public String getText() { return text; }
    public Instant getCreatedAt() { return createdAt; }
}
