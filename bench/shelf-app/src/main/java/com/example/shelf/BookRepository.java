package com.example.shelf;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface BookRepository extends JpaRepository<Book, Long> {

    /**
     * A page of books with their authors in one query (the list page as shipped). A left join, so that
     * the database walks the books in id order and stops after the page rather than sorting every book.
     */
    @Query("select b from Book b left join fetch b.author order by b.id")
    List<Book> findPageWithAuthors(Pageable page);

    /** A page of books alone: authors and reviews load lazily when touched (the nplus1 regression). */
    @Query("select b from Book b order by b.id")
    List<Book> findPage(Pageable page);

    @Query("select b from Book b join fetch b.author where b.id = :id")
    Optional<Book> findWithAuthor(long id);

    /** The author page: each book with its average rating and review count, in one query. */
    @Query("""
            select b.id, b.title, b.published, avg(r.rating), count(r)
            from Book b left join b.reviews r
            where b.author.id = :authorId
            group by b.id, b.title, b.published
            order by b.published desc, b.id""")
    List<Object[]> findRatedByAuthor(long authorId);
}
