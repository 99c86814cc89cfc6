package dev.perfgate.junit;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad stub and latency settings fail where they are written, naming the method, the value and a valid example. */
class StubConfigurationTest {

    private static Stub stub() {
        return Stub.wiremock(server -> server.stubFor(get("/x").willReturn(ok())));
    }

    static Stream<Arguments> badSettings() {
        AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile");
        return Stream.of(
                bad(() -> stub().withFailures(-0.1, 503), "Stub.withFailures", "probability -0.1", "e.g. withFailures(0.05, 503)"),
                bad(() -> stub().withFailures(Double.NaN, 503), "Stub.withFailures", "NaN", "e.g."),
                bad(() -> stub().withFailures(0.1, 200), "Stub.withFailures", "status 200", "400 to 599", "e.g."),
                bad(() -> stub().withFailures(0.1, 600), "Stub.withFailures", "status 600"),
                bad(() -> stub().withDroppedConnections(1.2), "Stub.withDroppedConnections", "probability 1.2", "e.g. withDroppedConnections(0.01)"),
                bad(() -> stub().withFailures(0.7, 503).withDroppedConnections(0.5), "together exceed probability 1", "e.g."),
                bad(() -> app.withStub("", stub()), "withStub", "name ''", "e.g. withStub(\"LLM_URL\""),
                bad(() -> app.withStub(" ", stub()), "withStub", "name ' '"),
                bad(() -> app.withStub(null, stub()), "withStub", "name 'null'"),
                bad(() -> app.withStub("1_URL", stub()), "withStub", "'1_URL'"),
                bad(() -> app.withStub("LLM-URL", stub()), "withStub", "'LLM-URL'"),
                bad(() -> app.withEnv("LLM_URL", "x").withStub("LLM_URL", stub()), "withStub: LLM_URL is already set by withEnv", "e.g."),
                bad(() -> app.withStub("LLM_URL", stub()).withEnv("LLM_URL", "x"), "withEnv: LLM_URL already holds the URL of a stub",
                        "e.g. withEnv(\"LLM_URL_TIMEOUT\""),
                bad(() -> app.withStub("LLM_URL", stub()).withStub("LLM_URL", stub()), "withStub: LLM_URL already has a stub"),
                bad(() -> Latency.fixed(Duration.ofMillis(-1)), "Latency.fixed", "PT-0.001S", "e.g. Latency.fixed(Duration.ofMillis(50))"),
                bad(() -> Latency.fixed(Duration.ofNanos(1_500_000)), "Latency.fixed", "whole number of milliseconds"),
                bad(() -> Latency.uniform(Duration.ofMillis(80), Duration.ofMillis(20)), "Latency.uniform", "min PT0.08S is longer than max",
                        "e.g. Latency.uniform"),
                bad(() -> Latency.logNormal(Duration.ZERO, 0.3), "Latency.logNormal", "at least 1 ms", "e.g."),
                bad(() -> Latency.logNormal(Duration.ofMillis(200), -1), "Latency.logNormal", "sigma -1.0", "e.g."));
    }

    private static Arguments bad(ThrowingCallable setting, String... expected) {
        return Arguments.of(setting, expected);
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void badSettingFailsNamingTheMethodValueAndAnExample(ThrowingCallable setting, String[] expected) {
        assertThatIllegalArgumentException().isThrownBy(setting).withMessageContainingAll(expected);
    }

    @Test
    void settingsAreKeptInDeclarationOrderAndEachWithReturnsACopy() {
        Stub plain = stub();
        Stub flaky = plain.withFailures(0.05, 502).withDroppedConnections(0.01).withSeed(9)
                .withLatency(Latency.logNormal(Duration.ofMillis(200), 0.3));
        AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile").withStub("B_URL", plain).withStub("A_URL", flaky);

        assertThat(plain.failureProbability()).isZero();
        assertThat(plain.latency()).isEqualTo(Latency.none());
        assertThat(flaky.failureProbability()).isEqualTo(0.05);
        assertThat(flaky.failureStatus()).isEqualTo(502);
        assertThat(flaky.dropProbability()).isEqualTo(0.01);
        assertThat(flaky.seed()).isEqualTo(9);
        assertThat(flaky.latency()).hasToString("log-normal, median 200 ms, sigma 0.3");
        assertThat(app.stubs()).containsOnlyKeys("B_URL", "A_URL");
        assertThat(app.stubs().keySet()).containsExactly("B_URL", "A_URL");
    }
}
