package dev.perfgate.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackTargetTest {

    @ParameterizedTest(name = "accepts {0}")
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://127.0.0.2:9000/base", "http://[::1]:8080", "HTTP://127.0.0.1"})
    void acceptsLoopbackHttpTargets(String uri) {
        URI target = URI.create(uri);

        assertThat(LoopbackTarget.require(target)).isSameAs(target);
    }

    @org.junit.jupiter.api.Test
    void httpsOnLoopbackIsATargetExceptForADriverWithoutTls() {
        URI https = URI.create("https://127.0.0.1:8443");

        assertThat(LoopbackTarget.require(https)).isEqualTo(https);
        assertThatThrownBy(() -> LoopbackTarget.requirePlainHttp(https))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://").hasMessageContaining("no TLS");
        assertThatThrownBy(() -> LoopbackTarget.require(URI.create("https://192.0.2.7/"), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("192.0.2.7");
    }

    @ParameterizedTest(name = "rejects {0}")
    @ValueSource(strings = {"http://192.0.2.1:80", "http://198.51.100.7", "http://[2001:db8::1]:8080", "http://0.0.0.0:8080"})
    void rejectsTargetsOffLoopback(String uri) {
        assertThatThrownBy(() -> LoopbackTarget.require(URI.create(uri)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(uri)
                .hasMessageContaining("not a loopback address")
                .hasMessageContaining("-Dperfgate.allowHosts=")
                .hasMessageContaining("production");
    }

    @ParameterizedTest(name = "allowed by name: {0}")
    @ValueSource(strings = {"http://192.0.2.1:8080", "http://STAGING.invalid/api", "http://[2001:db8::1]:8080"})
    void hostsNamedInAllowHostsAreAcceptedWithoutResolvingThem(String uri) {
        URI target = URI.create(uri);
        Set<String> allowed = LoopbackTarget.allowedHosts(" staging.invalid, 192.0.2.1 ,2001:db8::1");

        assertThat(LoopbackTarget.require(target, allowed)).isSameAs(target);
    }

    @ParameterizedTest(name = "still refused: {0}")
    @ValueSource(strings = {"http://192.0.2.10:8080", "http://198.51.100.7", "http://192.0.2.1.nip.io"})
    void hostsNotNamedExactlyAreStillRefused(String uri) {
        Set<String> allowed = LoopbackTarget.allowedHosts("192.0.2.1,staging.invalid");

        assertThatThrownBy(() -> LoopbackTarget.require(URI.create(uri), allowed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(uri);
    }

    @org.junit.jupiter.api.Test
    void theSystemPropertyOptsIn() {
        URI target = URI.create("http://192.0.2.1:9");
        try {
            System.setProperty(LoopbackTarget.ALLOW_HOSTS_PROPERTY, "192.0.2.1");
            assertThat(LoopbackTarget.require(target)).isSameAs(target);
        } finally {
            System.clearProperty(LoopbackTarget.ALLOW_HOSTS_PROPERTY);
        }
        assertThatThrownBy(() -> LoopbackTarget.require(target)).hasMessageContaining("-Dperfgate.allowHosts=192.0.2.1");
    }

    @ParameterizedTest(name = "malformed entry {0}")
    @ValueSource(strings = {"*.internal", "10.0.0.0/8", "http://staging", "staging:8080"})
    void wildcardsRangesSchemesAndPortsAreRefusedNamingTheEntry(String entry) {
        assertThatThrownBy(() -> LoopbackTarget.allowedHosts("ok.internal," + entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("perfgate.allowHosts")
                .hasMessageContaining("'" + entry + "'")
                .hasMessageContaining("without wildcards");
    }

    @org.junit.jupiter.api.Test
    void credentialsInTheTargetAreNotRepeated() {
        assertThatThrownBy(() -> LoopbackTarget.require(URI.create("http://ada:hunter2@192.0.2.1:8080/x?token=abc")))
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("abc")
                .hasMessageContaining("http://***@192.0.2.1:8080/x?token=***");
    }

    @ParameterizedTest(name = "rejects {0}")
    @ValueSource(strings = {"ftp://127.0.0.1/x", "file:///tmp/x", "http:/relative", "https:/relative", "/just/a/path"})
    void rejectsOtherSchemesAndTargetsWithoutHost(String uri) {
        assertThatThrownBy(() -> LoopbackTarget.require(URI.create(uri)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://");
    }

    @org.junit.jupiter.api.Test
    void rejectsNull() {
        assertThatThrownBy(() -> LoopbackTarget.require(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
