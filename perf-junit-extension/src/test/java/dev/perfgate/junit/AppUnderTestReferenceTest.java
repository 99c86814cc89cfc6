package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AppUnderTestReferenceTest {

    @Test
    void aReferenceIsDescribedForTheResultWithoutItsSecrets() {
        AppUnderTest app = AppUnderTest.fromDockerfile("app/Dockerfile")
                .withReference(AppUnderTest.fromDockerfile("app/Dockerfile").withBuildArg("VERSION", "1.4.0")
                        .withEnv("FEATURE_X", "off").withEnv("API_TOKEN", "s3cret"));

        assertThat(app.reference().describe()).isEqualTo("Dockerfile app/Dockerfile, build args {VERSION=1.4.0}, env {API_TOKEN=***, FEATURE_X=off}");
        assertThat(app.describe()).isEqualTo("Dockerfile app/Dockerfile");
    }

    @Test
    void aReferenceImageKeepsThePortHealthPathAndEnvironmentOfTheApplication() {
        AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile").withPort(9090).withHealthPath("/ready").withEnv("MODE", "fast")
                .withReferenceImage("shop:1.4.0");

        AppUnderTest reference = app.reference();
        assertThat(reference.describe()).isEqualTo("image shop:1.4.0, env {MODE=fast}");
        assertThat(reference.port()).isEqualTo(9090);
        assertThat(reference.healthPath()).isEqualTo("/ready");
        assertThatCode(() -> reference.requireUsable("reference")).doesNotThrowAnyException();
    }

    @Test
    void theReferencesOwnReferenceIsDropped() {
        AppUnderTest older = AppUnderTest.fromImage("shop:1.3.0");
        AppUnderTest app = AppUnderTest.fromImage("shop:1.5.0").withReference(AppUnderTest.fromImage("shop:1.4.0").withReference(older));

        assertThat(app.reference().reference()).isNull();
    }

    @Test
    void anImageIsNamedAndNotBuilt() {
        assertThatThrownBy(() -> AppUnderTest.fromImage(" ")).hasMessageContaining("fromImage: ' ' is not an image name");
        assertThatThrownBy(() -> AppUnderTest.fromImage("shop:1.4.0").withBuildArg("VERSION", "1"))
                .hasMessageContaining("withBuildArg: image shop:1.4.0 is not built from a Dockerfile");
    }
}
