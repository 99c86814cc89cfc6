package com.example.shelf;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The shop's HTML pages, rendered by Thymeleaf from src/main/resources/templates. */
@Controller
public class ShelfController {

    private final Catalog catalog;
    private final BookDetailsCache detailsCache;
    private final BookDetailsLookup detailsLookup;
    private final ReviewService reviews;
    private final Regression regression;
    private final ShopLock lock;

    public ShelfController(Catalog catalog, BookDetailsCache detailsCache, BookDetailsLookup detailsLookup,
                          ReviewService reviews, Regression regression, ShopLock lock) {
        this.catalog = catalog;
        this.detailsCache = detailsCache;
        this.detailsLookup = detailsLookup;
        this.reviews = reviews;
        this.regression = regression;
        this.lock = lock;
    }

    @GetMapping("/books")
    public String books(@RequestParam(defaultValue = "0") int page, Model model) {
        long pages = catalog.pages();
        int shown = (int) Math.max(0, Math.min(page, pages - 1));
        model.addAttribute("books", lock.guarded(() -> catalog.page(shown)));
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        return "books";
    }

    @GetMapping("/books/{id}")
    public String book(@PathVariable long id, Model model) {
        // The cache regression: the lookup goes to the repositories every time, past the cache.
        model.addAttribute("book", regression.is(Regression.Kind.CACHE) ? detailsLookup.load(id) : detailsCache.get(id));
        return "book";
    }

    @GetMapping("/authors/{id}")
    public String author(@PathVariable long id, Model model) {
        model.addAttribute("author", lock.guarded(() -> catalog.author(id)));
        return "author";
    }

    @PostMapping("/books/{id}/reviews")
    public String addReview(@PathVariable long id, @RequestParam String reviewer, @RequestParam int rating,
                            @RequestParam String text, Model model) {
        model.addAttribute("receipt", lock.guarded(() -> reviews.add(id, reviewer, rating, text)));
        return "review-added";
    }
}
