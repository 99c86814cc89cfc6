package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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

    @SideBySide(pairs = 4, instances = 6)
    void fewerPairsThanInstances() {
    }

    @SideBySide(pairs = 12, instances = 0)
    void noInstance() {
    }

    @SideBySide(pairs = 11, instances = 4)
    void unevenPairs() {
    }

    @SideBySide(pairs = 30, trial = "1s", interleaved = true)
    void interleavedPairs() {
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty(SideBySide.PROPERTY);
        System.clearProperty(ReferenceProperty.PROPERTY);
    }

    @Test
    void aReferenceFromThePropertyTurnsItOnWithTheDefaultsUnlessSaidOtherwise() throws Exception {
        System.setProperty(ReferenceProperty.PROPERTY, "git:origin/main");
        assertThat(SideBySideSettings.of(method("plain"))).contains(new SideBySideSettings(10, 1, Duration.ofSeconds(5), 0, false));
        assertThat(SideBySideSettings.of(method("annotated"))).contains(new SideBySideSettings(12, 1, Duration.ofSeconds(3), 7, false));
        System.setProperty(SideBySide.PROPERTY, "off");
        assertThat(SideBySideSettings.of(method("plain"))).isEmpty();
    }

    @Test
    void theReferencePropertyReplacesTheDeclaredReferenceOrSaysWhatItTakes() {
        AppUnderTest app = AppUnderTest.fromJar("target/shop.jar").withReferenceImage("shop:1.4.0");
        assertThat(ReferenceProperty.applyTo(app, "@App field ShopIT.app")).isSameAs(app);

        System.setProperty(ReferenceProperty.PROPERTY, "git:v1.4.0");
        assertThat(ReferenceProperty.applyTo(app, "@App field ShopIT.app").reference().source())
                .isEqualTo(new AppSource.FromGit(new GitReference("v1.4.0", null, Path.of("")),
                        new AppSource.FromJar(Path.of("target/shop.jar"), null)));

        System.setProperty(ReferenceProperty.PROPERTY, "origin/main");
        assertThatThrownBy(() -> ReferenceProperty.applyTo(app, "@App field ShopIT.app"))
                .hasMessageStartingWith("system property perfgate.reference: 'origin/main' is not git:<ref> or git; e.g."
                        + " -Dperfgate.reference=git:origin/main");
        System.setProperty(ReferenceProperty.PROPERTY, "git");
        assertThat(ReferenceProperty.applyTo(app, "@App field ShopIT.app").reference().source())
                .isEqualTo(new AppSource.FromGit(new GitReference(null, null, Path.of("")),
                        new AppSource.FromJar(Path.of("target/shop.jar"), null)));
        System.setProperty(ReferenceProperty.PROPERTY, "git:main");
        assertThatThrownBy(() -> ReferenceProperty.applyTo(AppUnderTest.fromImage("shop:1.5.0"), "@App field ShopIT.app"))
                .hasMessageStartingWith("system property perfgate.reference on @App field ShopIT.app: withReferenceFromGit: image shop:1.5.0"
                        + " is not built from the project's sources");
    }

    @Test
    void theAnnotationGivesTheSettingsAndAPlainMethodRunsAlone() throws Exception {
        assertThat(SideBySideSettings.of(method("annotated"))).contains(new SideBySideSettings(12, 1, Duration.ofSeconds(3), 7, false));
        assertThat(SideBySideSettings.of(method("plain"))).isEmpty();
    }

    @Test
    void thePropertyWinsPartByPartAndTurnsItOnOrOff() throws Exception {
        System.setProperty(SideBySide.PROPERTY, "pairs:20");
        assertThat(SideBySideSettings.of(method("annotated"))).contains(new SideBySideSettings(20, 1, Duration.ofSeconds(3), 7, false));
        System.setProperty(SideBySide.PROPERTY, "pairs:8, instances:3, trial:2s, seed:42");
        assertThat(SideBySideSettings.of(method("plain"))).contains(new SideBySideSettings(8, 3, Duration.ofSeconds(2), 42, false));
        System.setProperty(SideBySide.PROPERTY, "on");
        assertThat(SideBySideSettings.of(method("plain"))).contains(new SideBySideSettings(10, 1, Duration.ofSeconds(5), 0, false));
        System.setProperty(SideBySide.PROPERTY, "off");
        assertThat(SideBySideSettings.of(method("annotated"))).isEqualTo(Optional.empty());
    }

    @Test
    void interleavingIsAnAttributeOrAPartOfTheProperty() throws Exception {
        assertThat(SideBySideSettings.of(method("interleavedPairs"))).contains(new SideBySideSettings(30, 1, Duration.ofSeconds(1), 0, true));
        System.setProperty(SideBySide.PROPERTY, "interleaved:false");
        assertThat(SideBySideSettings.of(method("interleavedPairs")).orElseThrow().interleaved()).isFalse();
        System.setProperty(SideBySide.PROPERTY, "pairs:20,interleaved");
        assertThat(SideBySideSettings.of(method("annotated"))).contains(new SideBySideSettings(20, 1, Duration.ofSeconds(3), 7, true));
        System.setProperty(SideBySide.PROPERTY, "interleaved:sometimes");
        assertThatThrownBy(() -> SideBySideSettings.of(method("plain"))).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("system property perfgate.sideBySide: 'interleaved:sometimes' needs true or false");
    }

    @Test
    void badValuesNameWhereTheyCameFromAndWhatIsValid() throws Exception {
        assertThatThrownBy(() -> SideBySideSettings.of(method("badTrial"))).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("@SideBySide(trial) on SideBySideSettingsTest.badTrial");
        System.setProperty(SideBySide.PROPERTY, "pairs:ten");
        assertThatThrownBy(() -> SideBySideSettings.of(method("plain"))).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("system property perfgate.sideBySide: 'pairs:ten' needs a whole number");
        System.clearProperty(SideBySide.PROPERTY);
        assertThatThrownBy(() -> SideBySideSettings.of(method("fewerPairsThanInstances"))).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("@SideBySide(pairs) on SideBySideSettingsTest.fewerPairsThanInstances: 4 pairs cannot cover 6 instances")
                .hasMessageContaining("e.g. pairs = 12");
        assertThatThrownBy(() -> SideBySideSettings.of(method("noInstance"))).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("@SideBySide(instances) on SideBySideSettingsTest.noInstance: 0 instances is out of range; use 1 to 50");
        System.setProperty(SideBySide.PROPERTY, "instances:51");
        assertThatThrownBy(() -> SideBySideSettings.of(method("plain"))).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("system property perfgate.sideBySide (instances): 51 instances is out of range");
        System.setProperty(SideBySide.PROPERTY, "rounds:3");
        assertThatThrownBy(() -> SideBySideSettings.of(method("plain"))).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("'rounds:3' is not pairs:N, instances:N, trial:DURATION, seed:N, interleaved[:true|false], on or off");
        System.setProperty(SideBySide.PROPERTY, "trial:0s");
        assertThatThrownBy(() -> SideBySideSettings.of(method("plain"))).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("a trial must last longer than zero");
    }

    @Test
    void thePairsAreSpreadEvenlyOverTheInstancesTheFirstTakingTheRest() throws Exception {
        SideBySideSettings settings = SideBySideSettings.of(method("unevenPairs")).orElseThrow();

        assertThat(java.util.stream.IntStream.range(0, 4).map(settings::pairsOn).toArray()).containsExactly(3, 3, 3, 2);
    }

    private static java.lang.reflect.Method method(String name) throws NoSuchMethodException {
        return SideBySideSettingsTest.class.getDeclaredMethod(name);
    }
}
