package dev.perfgate.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the static {@link AppUnderTest} field of a test class whose {@link LoadTest} methods load
 * it. The application is started before the first load test of the class and stopped after the
 * last, also when a test fails or the JVM is interrupted.
 *
 * <pre>{@code
 * @App
 * static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile").withPort(8080);
 * }</pre>
 *
 * @since 0.1
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface App {
}
