package dev.perfgate.core.fuzz;

import java.util.Arrays;
import java.util.Random;

/** Damage a valid file the ways disks, editors and merges do: cut it off, flip a byte, drop or repeat a span. */
public final class Mutations {

    private static final byte[] INTERESTING = "{}[]\":,0-9.eE nulltruefalse\\\u00ff".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    private Mutations() {
    }

    /** One random damage of {@code valid}, chosen by {@code random}; may by chance still be valid. */
    public static byte[] mutate(byte[] valid, Random random) {
        int at = random.nextInt(valid.length);
        switch (random.nextInt(5)) {
            case 0:
                return Arrays.copyOf(valid, at); // cut off mid-write
            case 1: {
                byte[] flipped = valid.clone();
                flipped[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                return flipped;
            }
            case 2: {
                int end = Math.min(valid.length, at + 1 + random.nextInt(64));
                byte[] dropped = new byte[valid.length - (end - at)];
                System.arraycopy(valid, 0, dropped, 0, at);
                System.arraycopy(valid, end, dropped, at, valid.length - end);
                return dropped;
            }
            case 3: {
                int end = Math.min(valid.length, at + 1 + random.nextInt(64));
                byte[] repeated = new byte[valid.length + (end - at)];
                System.arraycopy(valid, 0, repeated, 0, end);
                System.arraycopy(valid, at, repeated, end, valid.length - at);
                return repeated;
            }
            default: {
                byte[] noise = new byte[random.nextInt(32)];
                random.nextBytes(noise);
                byte[] inserted = new byte[valid.length + noise.length];
                System.arraycopy(valid, 0, inserted, 0, at);
                System.arraycopy(noise, 0, inserted, at, noise.length);
                System.arraycopy(valid, at, inserted, at + noise.length, valid.length - at);
                return inserted;
            }
        }
    }
}
