package dev.perfgate.core.http;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A condition a response must meet. A request whose response fails one of its checks counts as an
 * error of kind {@link ErrorKind#CHECK} under the request's own operation;
 * the response says which check failed ({@link Response#failure()}), and the user goes on. Nothing is
 * thrown.
 *
 * <pre>{@code
 * import static dev.perfgate.core.http.Check.*;
 *
 * http.get("profile", "/api/me", status(200), jsonField("user.id").exists());
 * http.request("create", "POST", "/api/orders").json("{\"item\":42}")
 *         .check(status(201), bodyContains("\"id\""))
 *         .send();
 * }</pre>
 *
 * A {@link #status(int...) status} check decides alone whether the status is a success: with
 * {@code status(404)}, a 404 passes and a 200 fails. Without one, any status below 400 passes and
 * 4xx/5xx count as HTTP errors as usual. The other checks look only at responses whose status passed.
 *
 * <p>Checks are immutable and may be shared by all users.
 */
public interface Check {

    /**
     * Why {@code response} fails this check, e.g. {@code "status is 200, was 503"}, or {@code null} when it passes.
     */
    String failure(Response response);

    /** The status is one of {@code expected}, e.g. {@code status(200, 204)}. */
    static Check status(int... expected) {
        return new StatusCheck(expected);
    }

    /** The body contains {@code text} (case-sensitive). */
    static Check bodyContains(String text) {
        Objects.requireNonNull(text, "text");
        return response -> response.body().contains(text) ? null : "body contains \"" + abbreviated(text) + "\", but it does not ("
                + response.body().length() + " chars)";
    }

    /**
     * A field of the JSON body, by a dotted path ({@code "user.id"}, {@code "items[0].name"}) or a JSON
     * pointer ({@code "/user/id"}): then say {@link JsonFieldCheck#exists()} or
     * {@link JsonFieldCheck#isEqualTo(Object)}.
     */
    static JsonFieldCheck jsonField(String path) {
        return new JsonFieldCheck(path);
    }

    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** See {@link Check#status(int...)}. */
    final class StatusCheck implements Check {
        private final int[] expected;

        StatusCheck(int[] expected) {
            if (expected == null || expected.length == 0) {
                throw new IllegalArgumentException("status check: give the expected status, e.g. status(200)");
            }
            for (int status : expected) {
                if (status < 100 || status > 599) {
                    throw new IllegalArgumentException("status check: " + status + " is not an HTTP status; use 100 to 599, e.g. 200");
                }
            }
            this.expected = expected.clone();
        }

        /** Whether {@code status} is one of the expected ones. */
        boolean accepts(int status) {
            return Arrays.stream(expected).anyMatch(s -> s == status);
        }

        @Override
        public String failure(Response response) {
            if (accepts(response.status())) {
                return null;
            }
            return "status is " + Arrays.stream(expected).mapToObj(String::valueOf).collect(Collectors.joining(" or ")) + ", was "
                    + (response.status() == 0 ? "no response" : String.valueOf(response.status()));
        }
    }
}
