package dev.perfgate.sample.platform;

import java.time.Duration;

import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.support.NoOpCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.benmanes.caffeine.cache.Caffeine;

/** Caffeine behind Spring's cache abstraction, or no cache at all under {@link Regressions#CACHE_DISABLED}. */
@Configuration(proxyBeanMethods = false)
public class CacheConfiguration {

    /** Nutrition facts per food name: they change with a data release, not per request. */
    public static final String NUTRITION = "nutrition";
    /** The leaderboard: a minute stale is fine for a game, and it costs a scan of every XP event. */
    public static final String LEADERBOARD = "leaderboard";

    @Bean
    CacheManager cacheManager(Regressions regressions) {
        if (regressions.cacheDisabled()) {
            return new NoOpCacheManager();
        }
        CaffeineCacheManager manager = new CaffeineCacheManager(NUTRITION, LEADERBOARD);
        manager.setCaffeine(Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)));
        return manager;
    }
}
