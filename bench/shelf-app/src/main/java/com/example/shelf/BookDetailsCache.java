package com.example.shelf;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/** The detail page's lookup behind Spring's cache (a ConcurrentMap): a new review evicts its book. */
@Component
public class BookDetailsCache {

    private final BookDetailsLookup lookup;

    public BookDetailsCache(BookDetailsLookup lookup) {
        this.lookup = lookup;
    }

    @Cacheable("bookDetails")
    public BookDetailsLookup.BookDetails get(long id) {
        return lookup.load(id);
    }

    @CacheEvict("bookDetails")
    public void evict(long id) {
    }
}
