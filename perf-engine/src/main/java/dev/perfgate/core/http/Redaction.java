package dev.perfgate.core.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of everything perfgate prints or stores: values of credential headers,
 * passwords in URLs and secret query parameters become {@value #MASK}.
 *
 * <ul>
 *   <li>Headers: {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie},
 *       {@code Set-Cookie}, {@code X-Api-Key} and any whose name contains {@code token},
 *       {@code secret}, {@code password} or {@code key} (case-insensitive).</li>
 *   <li>URLs: the user info ({@code http://user:pass@host} becomes {@code http://***@host}) and the
 *       values of query, matrix and form parameters whose name contains {@code token},
 *       {@code secret}, {@code password}, {@code key}, {@code signature} or {@code session}.</li>
 *   <li>Free text ({@link #text}: exception messages, status reasons): the above wherever they
 *       appear as {@code Name: value}, {@code name=value} or {@code "name": "value"}, and
 *       credentials after {@code Bearer}, {@code Basic}, {@code Digest} or {@code Token}.</li>
 * </ul>
 *
 * <pre>{@code
 * Redaction.uri("http://ada:s3cret@localhost/api?token=abc&page=2"); // "http://***@localhost/api?token=***&page=2"
 * Redaction.headerValue("Authorization", "Bearer abc");             // "***"
 * }</pre>
 *
 * It errs on the side of hiding: an innocent header such as {@code Idempotency-Key} is masked too.
 * Thread-safe (stateless).
 */
public final class Redaction {

    /** What a redacted value is replaced with. */
    public static final String MASK = "***";

    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie",
            "x-api-key");
    private static final List<String> SECRET_HEADER_WORDS = List.of("token", "secret", "password", "key");
    private static final List<String> SECRET_PARAMETER_WORDS = List.of("token", "secret", "password", "key", "signature",
            "session");

    private static final String SECRET_NAME = "[A-Za-z0-9_.\\-]*(?:token|secret|password|key|signature|session)[A-Za-z0-9_.\\-]*";
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.\\-]*://)[^\\s@]+@");
    private static final Pattern COOKIE_LINE = Pattern.compile("(?i)\\b((?:set-)?cookie)(\\s*[:=]\\s*)(?!\\*\\*\\*)[^\\r\\n\"']+");
    private static final Pattern HEADER_LINE = Pattern.compile(
            "(?i)\\b(authorization|proxy-authorization|x-api-key|" + SECRET_NAME + ")(\\s*:\\s*)"
                    + "(?!\\*\\*\\*)(?:(?:bearer|basic|digest|token|negotiate)\\s+)?[^\\s,;\"'&]+");
    private static final Pattern JSON_MEMBER = Pattern.compile("(?i)(\"" + SECRET_NAME + "\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern PARAMETER = Pattern.compile("(?i)(" + SECRET_NAME + ")=(?!\\*\\*\\*)[^&\\s\"',;#)}\\]]+");
    private static final Pattern SCHEME_CREDENTIAL = Pattern.compile("(?i)\\b(bearer|basic|digest|token)\\s+(?!\\*\\*\\*)[A-Za-z0-9._~+/=\\-]{4,}");

    private Redaction() {
    }

    /** Whether the value of header {@code name} is a credential (case-insensitive). */
    public static boolean isSecretHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return CREDENTIAL_HEADERS.contains(lower) || SECRET_HEADER_WORDS.stream().anyMatch(lower::contains);
    }

    /** Whether the value of query (or form, or matrix) parameter {@code name} is a credential (case-insensitive). */
    public static boolean isSecretParameter(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_PARAMETER_WORDS.stream().anyMatch(lower::contains);
    }

    /** {@code value}, or {@value #MASK} when header {@code name} carries a credential. */
    public static String headerValue(String name, String value) {
        return isSecretHeader(name) ? MASK : value;
    }

    /** A copy of {@code headers} (names kept, order kept) with the values of credential headers masked. */
    public static Map<String, List<String>> headers(Map<String, List<String>> headers) {
        Map<String, List<String>> shown = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            List<String> masked = new ArrayList<>(values.size());
            values.forEach(value -> masked.add(headerValue(name, value)));
            shown.put(name, List.copyOf(masked));
        });
        return shown;
    }

    /**
     * {@code uri} (absolute, or a path with a query such as {@code "/api?token=abc"}) with its user
     * info and the values of secret parameters masked; {@code null} stays {@code null}.
     */
    public static String uri(Object uri) {
        if (uri == null) {
            return null;
        }
        String given = uri.toString();
        if (given.indexOf('@') < 0 && given.indexOf('=') < 0) {
            // Neither user info nor a parameter: nothing to mask (most operation names, on every request).
            return given;
        }
        String text = USER_INFO.matcher(given).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        return PARAMETER.matcher(text).replaceAll("$1=" + Matcher.quoteReplacement(MASK));
    }

    /**
     * {@code text} (a message, a status reason) with every credential it shows masked: secret headers
     * written {@code Name: value}, parameters {@code name=value}, JSON members {@code "name": "value"},
     * credentials after an authentication scheme and user info in URLs. {@code null} stays {@code null}.
     */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String mask = Matcher.quoteReplacement(MASK);
        String result = USER_INFO.matcher(text).replaceAll("$1" + mask + "@");
        result = COOKIE_LINE.matcher(result).replaceAll("$1$2" + mask);
        result = HEADER_LINE.matcher(result).replaceAll("$1$2" + mask);
        result = JSON_MEMBER.matcher(result).replaceAll("$1\"" + mask + "\"");
        result = PARAMETER.matcher(result).replaceAll("$1=" + mask);
        return SCHEME_CREDENTIAL.matcher(result).replaceAll("$1 " + mask);
    }

    /**
     * A stand-in for {@code failure} to report: the same class name, stack trace and causes, with
     * every message passed through {@link #text}. {@code null} stays {@code null}.
     */
    public static Throwable throwable(Throwable failure) {
        if (failure == null) {
            return null;
        }
        return RedactedThrowable.of(failure, 0);
    }

    /** A throwable that shows another's class and redacted message; its {@code toString} reads like the original's. */
    static final class RedactedThrowable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private static final int MAX_CAUSES = 20;
        private final String originalClass;

        private RedactedThrowable(String originalClass, String message, Throwable cause) {
            super(message, cause, false, true);
            this.originalClass = originalClass;
        }

        static RedactedThrowable of(Throwable failure, int depth) {
            Throwable cause = failure.getCause();
            Throwable redactedCause = cause == null || cause == failure || depth >= MAX_CAUSES ? null : of(cause, depth + 1);
            RedactedThrowable redacted = new RedactedThrowable(failure.getClass().getName(), text(failure.getMessage()), redactedCause);
            redacted.setStackTrace(failure.getStackTrace());
            for (Throwable suppressed : failure.getSuppressed()) {
                if (depth < MAX_CAUSES) {
                    redacted.addSuppressed(of(suppressed, depth + 1));
                }
            }
            return redacted;
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return message == null ? originalClass : originalClass + ": " + message;
        }
    }
}
