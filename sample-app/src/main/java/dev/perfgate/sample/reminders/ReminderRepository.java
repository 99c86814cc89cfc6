package dev.perfgate.sample.reminders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.perfgate.sample.platform.Regressions;

/**
 * A user's next reminders, soonest first. The query is served by the index on
 * {@code reminders(user_id, due_at)} and joins each reminder's habit; under
 * {@link Regressions#N_PLUS_ONE} it reads the habits one query per reminder instead, as an ORM's lazy
 * association would.
 */
@Repository
public class ReminderRepository {

    /** The most reminders one request lists. */
    public static final int PAGE = 50;

    private final JdbcTemplate jdbc;
    private final Regressions regressions;

    public ReminderRepository(JdbcTemplate jdbc, Regressions regressions) {
        this.jdbc = jdbc;
        this.regressions = regressions;
    }

    public List<Reminder> upcoming(long userId, Instant from) {
        if (regressions.nPlusOne()) {
            return upcomingHabitByHabit(userId, from);
        }
        return jdbc.query("SELECT r.id, h.name AS habit, r.due_at, r.note FROM reminders r JOIN habits h ON h.id = r.habit_id"
                + " WHERE r.user_id = ? AND r.due_at >= ? ORDER BY r.due_at LIMIT " + PAGE,
                (row, i) -> reminder(row, row.getString("habit")), userId, Timestamp.from(from));
    }

    private List<Reminder> upcomingHabitByHabit(long userId, Instant from) {
        record Row(long id, long habitId, Instant dueAt, String note) {
        }
        List<Row> rows = jdbc.query("SELECT r.id, r.habit_id, r.due_at, r.note FROM reminders r"
                + " WHERE r.user_id = ? AND r.due_at >= ? ORDER BY r.due_at LIMIT " + PAGE,
                (row, i) -> new Row(row.getLong("id"), row.getLong("habit_id"), row.getTimestamp("due_at").toInstant(),
                        row.getString("note")), userId, Timestamp.from(from));
        List<Reminder> reminders = new ArrayList<>(rows.size());
        for (Row row : rows) {
            String habit = jdbc.queryForObject("SELECT name FROM habits WHERE id = ?", String.class, row.habitId());
            reminders.add(new Reminder(row.id(), habit, row.dueAt(), row.note()));
        }
        return reminders;
    }

    private static Reminder reminder(ResultSet row, String habit) throws SQLException {
        return new Reminder(row.getLong("id"), habit, row.getTimestamp("due_at").toInstant(), row.getString("note"));
    }
}
