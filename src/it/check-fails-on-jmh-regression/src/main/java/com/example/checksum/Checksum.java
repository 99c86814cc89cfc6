package com.example.checksum;

/** An Adler-like checksum whose work per call is set by the system property {@code checksum.rounds}. */
public final class Checksum {

    private static final int ROUNDS = Integer.getInteger("checksum.rounds", 1000);

    private Checksum() {
    }

    public static long of(byte[] data) {
        long a = 1;
        long b = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (byte value : data) {
                a = (a + (value & 0xff) + round) % 65521;
                b = (b + a) % 65521;
            }
        }
        return (b << 16) | a;
    }
}
