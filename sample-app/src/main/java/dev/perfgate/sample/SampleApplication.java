package dev.perfgate.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/**
 * A health-tracking assistant API, the service perfgate's sample load suites drive: chat with a
 * downstream language model ({@code LLM_URL}), food logging with a cached nutrition lookup, reminders
 * from an indexed query, and an XP leaderboard behind a cache. H2 (in memory, through HikariCP) holds
 * the data, seeded at startup so that every query does real work.
 *
 * <p>{@link dev.perfgate.sample.platform.Regressions} lists the switches that reintroduce slowdowns
 * teams really ship; all are off unless their environment variable is {@code true}.
 */
@SpringBootApplication
@EnableCaching
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
