package dev.perfgate.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {

    private static final List<String> SECRET_WORDS = List.of("token", "secret", "password", "key");
    private static final List<String> INNOCENT_HEADERS = List.of("Accept", "Content-Type", "User-Agent", "X-Request-Id",
            "Cache-Control", "Keep-Alive", "Host", "Accept-Language");

    @ParameterizedTest(name = "{0} is a credential header")
    @ValueSource(strings = {"Authorization", "proxy-authorization", "Cookie", "SET-COOKIE", "X-Api-Key", "X-Auth-Token",
            "x-client-secret", "X-Password", "Api-Key", "Idempotency-Key"})
    void credentialHeadersAreMasked(String name) {
        assertThat(Redaction.isSecretHeader(name)).isTrue();
        assertThat(Redaction.headerValue(name, "Bearer abc.def")).isEqualTo("***");
    }

    @ParameterizedTest(name = "{0} is shown")
    @ValueSource(strings = {"Accept", "Content-Type", "X-Request-Id", "Keep-Alive", "Location"})
    void otherHeadersAreShown(String name) {
        assertThat(Redaction.isSecretHeader(name)).isFalse();
        assertThat(Redaction.headerValue(name, "text/plain")).isEqualTo("text/plain");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "http://ada:s3cret@localhost:8080/api|http://***@localhost:8080/api",
        "http://ada@127.0.0.1/|http://***@127.0.0.1/",
        "/api/items?id=3&token=abc123|/api/items?id=3&token=***",
        "/login?user=ada&Password=hunter2&next=/home|/login?user=ada&Password=***&next=/home",
        "/s3/object?X-Amz-Signature=0a1b2c&X-Amz-Date=20240101|/s3/object?X-Amz-Signature=***&X-Amz-Date=20240101",
        "/cart;jsessionid=ABCDEF|/cart;jsessionid=***",
        "/api/keys/3?api_key=k1&client_secret=s2|/api/keys/3?api_key=***&client_secret=***",
        "/api/items?id=3|/api/items?id=3",
    })
    void uriLosesUserInfoAndSecretParameters(String uri, String shown) {
        assertThat(Redaction.uri(uri)).isEqualTo(shown);
    }

    @Test
    void textLosesCredentialsInEveryCommonShape() {
        String message = "POST http://ada:pw1@localhost/api/orders?access_token=tok2 failed: 500;"
                + " headers {Authorization: Bearer eyJhbGciOi.J9x, X-Api-Key: key3, Accept: application/json}\n"
                + "Cookie: SESSION=c4; theme=dark\n"
                + "body {\"password\": \"pw5\", \"item\": 42}; retried with Basic YWRhOnB3Ng== and token tok7xyz";

        String shown = Redaction.text(message);

        assertThat(shown).doesNotContain("pw1", "tok2", "eyJhbGciOi", "J9x", "key3", "c4", "dark", "pw5", "YWRhOnB3Ng", "tok7xyz")
                .contains("http://***@localhost/api/orders?access_token=***", "Authorization: ***", "X-Api-Key: ***",
                        "Accept: application/json", "Cookie: ***", "\"password\": \"***\"", "\"item\": 42", "Basic ***", "failed: 500");
    }

    @Test
    void textWithoutCredentialsIsUnchanged() {
        String message = "no request succeeded in the measured phase (12 requests, errors {http_5xx=12}); first failure:"
                + " java.lang.AssertionError: expected 200 from GET /api/items?id=3 but got 503";

        assertThat(Redaction.text(message)).isEqualTo(message);
        assertThat(Redaction.text(null)).isNull();
        assertThat(Redaction.uri(null)).isNull();
    }

    @Test
    void throwableKeepsClassStackAndCausesButNotTheSecrets() {
        IllegalStateException cause = new IllegalStateException("refused: X-Auth-Token: tok-inner-9");
        AssertionError failure = new AssertionError("GET /api?token=tok-outer-8 answered 401 to Bearer tok-bearer-7", cause);

        Throwable shown = Redaction.throwable(failure);

        assertThat(shown.toString()).startsWith("java.lang.AssertionError: ").doesNotContain("tok-outer-8", "tok-bearer-7");
        assertThat(shown.getStackTrace()).isEqualTo(failure.getStackTrace());
        assertThat(shown.getCause().toString()).startsWith("java.lang.IllegalStateException: ").doesNotContain("tok-inner-9");
        StringWriter printed = new StringWriter();
        shown.printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString()).doesNotContain("tok-").contains("RedactionTest");
    }

    /** Property: whatever the name's case, prefix and suffix around a secret word, its value never shows. */
    @RepeatedTest(value = 20, name = "generated secrets, seed {currentRepetition}")
    void generatedSecretHeadersAndParametersNeverShow(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        for (int i = 0; i < 50; i++) {
            String name = randomCase(random, word(random, 0, 6) + pick(random, SECRET_WORDS) + word(random, 0, 6));
            String value = secretValue(random);

            assertThat(Redaction.isSecretHeader(name)).as(name).isTrue();
            assertThat(Redaction.headers(Map.of(name, List.of(value))).toString()).as(name).doesNotContain(value);
            assertThat(Redaction.text("request failed; " + name + ": " + value + " was sent")).as(name)
                    .doesNotContain(value).contains("was sent");
            assertThat(Redaction.uri("/api/x?page=1&" + name + "=" + value + "&b=2")).as(name)
                    .doesNotContain(value).endsWith("&b=2");
            assertThat(Redaction.text("{\"" + name + "\":\"" + value + "\",\"n\":1}")).as(name).doesNotContain(value);
            assertThat(Redaction.text("GET http://" + word(random, 1, 8) + ":" + value + "@localhost:8080/x")).doesNotContain(value);
            assertThat(Redaction.text("Authorization: " + pick(random, List.of("Bearer ", "Basic ", "")) + value + " at /x"))
                    .doesNotContain(value);
        }
    }

    /** Property: values of ordinary headers and parameters are left as they are. */
    @RepeatedTest(value = 10, name = "generated ordinary values, seed {currentRepetition}")
    void generatedOrdinaryHeadersAndParametersAreKept(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(1000 + repetition.getCurrentRepetition());
        for (int i = 0; i < 50; i++) {
            String name = pick(random, INNOCENT_HEADERS);
            String value = word(random, 1, 12);

            assertThat(Redaction.headerValue(name, value)).isEqualTo(value);
            assertThat(Redaction.text(name + ": " + value)).isEqualTo(name + ": " + value);
            assertThat(Redaction.uri("/api?" + name.toLowerCase(Locale.ROOT) + "=" + value)).endsWith("=" + value);
        }
    }

    private static String secretValue(SplittableRandom random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~+/";
        StringBuilder value = new StringBuilder("S");
        int length = 8 + random.nextInt(24);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return value.append('Z').toString();
    }

    private static String word(SplittableRandom random, int min, int max) {
        StringBuilder word = new StringBuilder();
        int length = min + random.nextInt(max - min + 1);
        String alphabet = "abcdfghijlmnqruvwxz-_";
        for (int i = 0; i < length; i++) {
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            word.append(i == 0 && (c == '-' || c == '_') ? 'x' : c);
        }
        return word.toString();
    }

    private static String randomCase(SplittableRandom random, String text) {
        StringBuilder mixed = new StringBuilder();
        for (char c : text.toCharArray()) {
            mixed.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return mixed.toString();
    }

    private static String pick(SplittableRandom random, List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
