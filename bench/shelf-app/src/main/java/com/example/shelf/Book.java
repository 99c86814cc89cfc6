package com.example.shelf;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

@Entity
public class Book {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String title;
    private String isbn;
    private int published;
    private int priceCents;

    // Lazy both ways: the list page decides what it fetches (a fetch join), and the nplus1 regression
    // shows what touching these lazily costs.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Author author;

    @OneToMany(mappedBy = "book", fetch = FetchType.LAZY)
    private List<Review> reviews = new ArrayList<>();

    protected Book() {
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public String getIsbn() { return isbn; }
    public int getPublished() { return published; }
    public int getPriceCents() { return priceCents; }
    public Author getAuthor() { return author; }
    public List<Review> getReviews() { return reviews; }
}
