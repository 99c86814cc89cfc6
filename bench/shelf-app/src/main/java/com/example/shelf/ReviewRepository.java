package com.example.shelf;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReviewRepository extends JpaRepository<Review, Long> {

    @Query("select r.book.id, count(r) from Review r where r.book.id in :bookIds group by r.book.id")
    List<Object[]> countByBookIds(Collection<Long> bookIds);

    @Query("select r from Review r where r.book.id = :bookId order by r.createdAt desc, r.id desc")
    List<Review> findByBook(long bookId);

    /**
     * "Readers of this book also reviewed": books reviewed by the same reviewers, most shared first. The
     * reviewer column has no index, so this reads every review (a few milliseconds): the reason the
     * detail page is cached.
     */
    @Query("""
            select b.id, b.title, count(r2)
            from Review r2 join r2.book b
            where r2.reviewer in (select r1.reviewer from Review r1 where r1.book.id = :bookId) and b.id <> :bookId
            group by b.id, b.title
            order by count(r2) desc, b.id""")
    List<Object[]> alsoReviewed(long bookId, Pageable limit);
}
