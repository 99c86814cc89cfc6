package dev.perfgate.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Data for the virtual users of a {@link LoadTest}, from a CSV file whose first line names the fields
 * (UTF-8; values may be quoted with {@code "}). Each iteration sees its record as
 * {@link dev.perfgate.core.engine.VirtualUser#data()}. See {@code docs/feeders.md}.
 *
 * <pre>{@code
 * @LoadTest(users = 10, duration = "30s")
 * @CsvFeeder("src/test/resources/accounts.csv")           // username,password
 * void login(VirtualUser user, Http http) {
 *     http.post("login", "/api/login", "{\"user\":\"" + user.data("username") + "\"}");
 * }
 * }</pre>
 *
 * The file is read before any container starts; one that is missing, empty, without records, or with
 * a line whose values do not match the header fails the test with an
 * {@link org.junit.jupiter.api.extension.ExtensionConfigurationException} naming the file and the line.
 *
 * @since 0.1
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CsvFeeder {

    /** The CSV file, relative to the working directory (the module's folder under Maven), e.g. {@code "src/test/resources/users.csv"}. */
    String value();

    /** Which record a user gets: its own for all its iterations (the default), or the next one each iteration. */
    Pick pick() default Pick.PER_USER;

    /** How users take records. */
    enum Pick {
        /** User {@code n} keeps record {@code n} (starting over at the first when users outnumber records). */
        PER_USER,
        /** Every iteration of any user takes the next record, starting over after the last. */
        PER_ITERATION
    }
}
