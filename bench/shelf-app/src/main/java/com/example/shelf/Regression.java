package com.example.shelf;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The regression this instance runs with, read once at startup from the environment variable
 * SHELF_REGRESSION: none (the default), cache, nplus1, lock or delay2ms. An unknown name stops the
 * startup, so a typo cannot pass for an unchanged app.
 */
@Component
public class Regression {

    public enum Kind { NONE, CACHE, NPLUS1, LOCK, DELAY2MS }

    private final Kind kind;

    public Regression(@Value("${SHELF_REGRESSION:none}") String name) {
        try {
            this.kind = Kind.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SHELF_REGRESSION='" + name + "' is none of "
                    + Arrays.toString(Kind.values()).toLowerCase(Locale.ROOT), e);
        }
    }

    public boolean is(Kind candidate) {
        return kind == candidate;
    }

    public Kind kind() {
        return kind;
    }
}
