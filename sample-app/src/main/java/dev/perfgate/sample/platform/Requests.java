package dev.perfgate.sample.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Request validation shared by the controllers: a 400 naming the field and what would be valid. */
public final class Requests {

    private Requests() {
    }

    public static long userId(Long userId) {
        if (userId == null || userId < 1) {
            throw badRequest("user_id must be a positive number, e.g. 42; got " + userId);
        }
        return userId;
    }

    public static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw badRequest(field + " must be 1 to " + maxLength + " characters");
        }
        return value;
    }

    public static ResponseStatusException badRequest(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }
}
