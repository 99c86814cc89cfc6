package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class SideBySideSettingsTest {

    @SideBySide(pairs = 12, trial = "3s", seed = 7)
    void annotated() {
    }

    void plain() {
    }

    @SideBySide(trial = "soon")
    void badTrial() {
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty(SideBySide.PROPERTY);
    }

    @Test
    void theAnnotationGivesTheSettingsAndAPlainMethodRunsAlone() throws Exception {
        assertThat(SideBySideSettings.of(method("annotated"))).contains(new SideBySideSettings(12, Duration.ofSeconds(3), 7));
        assertThat(SideBySideSettings.of(method("plain"))).isEmpty();
    }

    @Test
    void thePropertyWinsPartByPartAndTurnsItOnOrOff() throws Exception {
        System.setProperty(SideBySide.PROPERTY, "pairs:20");
        assertThat(SideBySideSettings.of(method("annotated"))).contains(new SideBySideSettings(20, Duration.ofSeconds(3), 7));
        System.setProperty(SideBySide.PROPERTY, "pairs:8, trial:2s, seed:42");
        assertThat(SideBySideSettings.of(method("plain"))).contains(new SideBySideSettings(8, Duration.ofSeconds(2), 42));
        System.setProperty(SideBySide.PROPERTY, "on");
        assertThat(SideBySideSettings.of(method("plain"))).contains(new SideBySideSettings(10, Duration.ofSeconds(5), 0));
        System.setProperty(SideBySide.PROPERTY, "off");
        assertThat(SideBySideSettings.of(method("annotated"))).isEqualTo(Optional.empty());
    }

    @Test
    void badValuesNameWhereTheyCameFromAndWhatIsValid() throws Exception {
        assertThatThrownBy(() -> SideBySideSettings.of(method("badTrial"))).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("@SideBySide(trial) on SideBySideSettingsTest.badTrial");
        System.setProperty(SideBySide.PROPERTY, "pairs:ten");
        assertThatThrownBy(() -> SideBySideSettings.of(method("plain"))).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("system property perfgate.sideBySide: 'pairs:ten' needs a whole number");
        System.setProperty(SideBySide.PROPERTY, "rounds:3");
        assertThatThrownBy(() -> SideBySideSettings.of(method("plain"))).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("'rounds:3' is not pairs:N, trial:DURATION, seed:N, on or off");
        System.setProperty(SideBySide.PROPERTY, "trial:0s");
        assertThatThrownBy(() -> SideBySideSettings.of(method("plain"))).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("a trial must last longer than zero");
    }

    private static java.lang.reflect.Method method(String name) throws NoSuchMethodException {
        return SideBySideSettingsTest.class.getDeclaredMethod(name);
    }
}
