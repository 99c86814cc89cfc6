package dev.perfgate.sample.reminders;

import java.time.Instant;

/** A reminder due for a user: which habit, when, and its note. */
public record Reminder(long id, String habit, Instant dueAt, String note) {
}
