package dev.perfgate.sample.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Drops the reminders index under {@link Regressions#INDEX_DROPPED}, as a migration that "cleans up
 * unused indexes" would. Runs after schema.sql and data.sql and before the web server answers.
 */
@Component
@DependsOnDatabaseInitialization
public class IndexRegression {

    private static final Logger LOG = LoggerFactory.getLogger(IndexRegression.class);

    public IndexRegression(Regressions regressions, JdbcTemplate jdbc) {
        if (regressions.indexDropped()) {
            jdbc.execute("DROP INDEX reminders_user_due");
            LOG.warn("{}: index reminders_user_due dropped", Regressions.INDEX_DROPPED);
        }
    }
}
