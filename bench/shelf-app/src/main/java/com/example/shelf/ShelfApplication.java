package com.example.shelf;

import java.sql.SQLException;

import org.h2.tools.Server;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/** A small bookshop with four regressions behind SHELF_REGRESSION, for measuring perfgate's gate. */
@SpringBootApplication
@EnableCaching
public class ShelfApplication {

    public static void main(String[] args) throws SQLException {
        // The database lives in memory in this JVM, but the app reaches it over TCP on loopback, as it
        // would reach a database server: every query is a round trip. In process, a query costs tens
        // of microseconds and an N+1 page would cost nothing a user could notice.
        // SHELF_DB_PORT (default 9092) lets two instances run side by side on one host.
        String port = System.getenv().getOrDefault("SHELF_DB_PORT", "9092");
        Server.createTcpServer("-tcpPort", port, "-ifNotExists").start();
        SpringApplication.run(ShelfApplication.class, args);
    }
}
