package dev.perfgate.core.http;

import java.nio.charset.StandardCharsets;

/**
 * What both HTTP/1.x response readers look for in raw bytes, without making a string: a header's name,
 * a byte, a status line's code. Shared by the socket transport's {@code AnswerReader} and the event-loop
 * driver's {@code ResponseParser}, so that both read an answer alike.
 *
 * <pre>{@code
 * static final byte[] CONTENT_LENGTH = HttpBytes.ascii("content-length");
 * if (HttpBytes.nameIs(CONTENT_LENGTH, line, from, colon)) { ... }
 * }</pre>
 */
public final class HttpBytes {

    private static final byte[] HTTP_1 = {'H', 'T', 'T', 'P', '/', '1', '.'};

    private HttpBytes() {
    }

    /** The bytes of {@code lowerCase}, an ASCII name or token written in lower case. */
    public static byte[] ascii(String lowerCase) {
        return lowerCase.getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether {@code bytes[from, to)} is {@code lowerName}, ignoring ASCII case. */
    public static boolean nameIs(byte[] lowerName, byte[] bytes, int from, int to) {
        if (to - from != lowerName.length) {
            return false;
        }
        for (int i = 0; i < lowerName.length; i++) {
            if (toLower(bytes[from + i]) != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first index of {@code wanted} in {@code bytes[from, to)}, or -1. */
    public static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** {@code b} in lower case when it is an ASCII capital letter. */
    public static int toLower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    /**
     * The three-digit code of the status line {@code bytes[from, to)} ({@code "HTTP/1.1 200 OK"}: the version, a
     * space, three digits), or -1 when the line does not start so.
     */
    public static int statusCode(byte[] bytes, int from, int to) {
        if (to - from < 12 || bytes[from + 8] != ' ') {
            return -1;
        }
        for (int i = 0; i < HTTP_1.length; i++) {
            if (bytes[from + i] != HTTP_1[i]) {
                return -1;
            }
        }
        int value = 0;
        for (int i = from + 9; i < from + 12; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
