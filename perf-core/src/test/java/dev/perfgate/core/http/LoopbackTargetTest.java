package dev.perfgate.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackTargetTest {

    @ParameterizedTest(name = "accepts {0}")
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://127.0.0.2:9000/base", "http://[::1]:8080", "HTTP://127.0.0.1"})
    void acceptsLoopbackHttpTargets(String uri) {
        URI target = URI.create(uri);

        assertThat(LoopbackTarget.require(target)).isSameAs(target);
    }

    @ParameterizedTest(name = "rejects {0}")
    @ValueSource(strings = {"http://192.0.2.1:80", "http://198.51.100.7", "http://[2001:db8::1]:8080", "http://0.0.0.0:8080"})
    void rejectsTargetsOffLoopback(String uri) {
        assertThatThrownBy(() -> LoopbackTarget.require(URI.create(uri)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(uri)
                .hasMessageContaining("not a loopback address");
    }

    @ParameterizedTest(name = "rejects {0}")
    @ValueSource(strings = {"https://127.0.0.1:8443", "ftp://127.0.0.1/x", "file:///tmp/x", "http:/relative", "/just/a/path"})
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
