package dev.perfgate.sample.reminders;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.perfgate.sample.platform.Requests;

/** {@code GET /api/v1/reminders?user_id=}: the user's next reminders, soonest first. */
@RestController
public class ReminderController {

    private final ReminderRepository reminders;

    public ReminderController(ReminderRepository reminders) {
        this.reminders = reminders;
    }

    @GetMapping("/api/v1/reminders")
    public Reminders upcoming(@RequestParam(name = "user_id", required = false) Long userId) {
        long user = Requests.userId(userId);
        return new Reminders(user, reminders.upcoming(user, Instant.now()));
    }

    /** The response body. */
    public record Reminders(long userId, List<Reminder> reminders) {
    }
}
