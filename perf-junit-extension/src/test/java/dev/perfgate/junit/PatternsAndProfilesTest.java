package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.StageReport;
import dev.perfgate.core.result.StepResult;
import dev.perfgate.junit.fixture.BadPatternLoad;
import dev.perfgate.junit.fixture.PatternsLoad;
import dev.perfgate.junit.fixture.ProfiledLoad;

/**
 * {@code @LoadTest(pattern)} and profiles end to end, against the tiny app in a real container: a
 * spike, a stress run and a soak report what they are for, in the result file and the report
 * entries; profiles give values that the annotation overrides and a system property replaces.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PatternsAndProfilesTest {

    private static final List<String> PROPERTIES = List.of(LoadTest.RESULTS_DIR_PROPERTY, LoadTest.PROFILE_PROPERTY,
            LoadTest.PATTERN_PROPERTY);

    @RegisterExtension
    final FixtureIsolation fixtures = FixtureIsolation.clearing(PROPERTIES.toArray(String[]::new));

    @Test
    void spikeStressAndSoakReportRecoveryBreakingPointAndDrift() throws Exception {
        EngineExecutionResults results = Fixtures.run(PatternsLoad.class);

        assertThat(Fixtures.failures(results)).isEmpty();
        StageReport spike = ResultFiles.read(fixtures.resultsDir().resolve("PatternsLoad.spike.json")).stages();
        assertThat(spike.kind()).isEqualTo("spike");
        assertThat(spike.steps()).extracting(StepResult::load).containsExactly("hold 1 for 2s", "hold 6 for 2s", "hold 1 for 2s"
                .replace("2s", "4s"));
        assertThat(spike.steps().get(1).p95()).as("6 users queue for the serial endpoint").isGreaterThan(spike.steps().get(0).p95() * 2);
        assertThat(spike.baselineP95Ms()).isEqualTo(spike.steps().get(0).p95());
        assertThat(spike.recoverySeconds()).as("one user is served at once again after the peak: " + spike.verdict())
                .isNotNull().isBetween(0.0, 1.0);

        LoadTestResult stressResult = ResultFiles.read(fixtures.resultsDir().resolve("PatternsLoad.stress.json"));
        StageReport stress = stressResult.stages();
        assertThat(stressResult.status()).as("a stress run that held its first step passes").isEqualTo(ResultStatus.PASSED);
        assertThat(stress.breakingPoint()).as(stress.verdict()).isEqualTo("1 users");
        assertThat(stress.brokenStep()).isEqualTo(1);
        assertThat(stress.brokenBy()).singleElement().asString().contains("p95", "100.0 ms");
        assertThat(stress.steps().get(0).held()).isTrue();
        assertThat(stress.steps().get(1).held()).isFalse();
        assertThat(stress.steps().get(2).held()).as("not judged: the run stopped once step 2 was judged broken").isNull();
        assertThat(stress.steps().get(3).requests()).as("the run stopped before the last step").isZero();

        StageReport soak = ResultFiles.read(fixtures.resultsDir().resolve("PatternsLoad.soak.json")).stages();
        assertThat(soak.kind()).isEqualTo("soak");
        assertThat(soak.driftMsPerMinute()).as(soak.verdict()).isNotNull();

        Map<String, String> entries = entriesOf(results, "PatternsLoad.stress.json");
        assertThat(entries.get("perfgate.stages")).startsWith("stress: breaking point 1 users");
        assertThat(entries.get("perfgate.summary")).contains("stress: breaking point 1 users");
        assertThat(entriesOf(results, "PatternsLoad.spike.json").get("perfgate.stages")).startsWith("spike: recovered");
        assertThat(entriesOf(results, "PatternsLoad.soak.json").get("perfgate.stages")).startsWith("soak: p95 drift");
    }

    @Test
    void profilesGiveValuesTheAnnotationOverridesAndAPropertyChoosesTheProfileOfTheRun() throws Exception {
        EngineExecutionResults results = Fixtures.run(ProfiledLoad.class);

        assertThat(Fixtures.failures(results)).isEmpty();
        LoadTestResult team = ResultFiles.read(fixtures.resultsDir().resolve("ProfiledLoad.team.json"));
        assertThat(team.plan().users()).isEqualTo(2);
        assertThat(team.plan().duration()).isEqualTo("1s");
        assertThat(team.plan().warmUp()).isEqualTo("0s");
        LoadTestResult overridden = ResultFiles.read(fixtures.resultsDir().resolve("ProfiledLoad.overridden.json"));
        assertThat(overridden.plan().users()).as("set on the annotation").isEqualTo(3);
        assertThat(overridden.plan().duration()).as("from the profile").isEqualTo("1s");

        System.setProperty(LoadTest.PROFILE_PROPERTY, "ci-soak");
        EngineExecutionResults nightly = Fixtures.run(ProfiledLoad.class);

        assertThat(Fixtures.failures(nightly)).isEmpty();
        LoadTestResult soak = ResultFiles.read(fixtures.resultsDir().resolve("ProfiledLoad.team.json"));
        assertThat(soak.stages().kind()).as("ci-soak's pattern").isEqualTo("soak");
        assertThat(soak.plan().duration()).isEqualTo("2s");
        assertThat(soak.plan().users()).isEqualTo(1);
        LoadTestResult stillOverridden = ResultFiles.read(fixtures.resultsDir().resolve("ProfiledLoad.overridden.json"));
        assertThat(stillOverridden.stages()).as("the annotation's users shape the load, not the profile's pattern").isNull();
        assertThat(stillOverridden.plan().users()).isEqualTo(3);
    }

    @Test
    void badProfilesAndPatternsFailNamingTheAttributeWithoutStartingAContainer() throws Exception {
        EngineExecutionResults results = Fixtures.run(BadPatternLoad.class);

        List<Throwable> failures = Fixtures.failures(results);
        assertThat(failures).hasSize(4).allSatisfy(failure -> assertThat(failure).isInstanceOf(ExtensionConfigurationException.class));
        assertThat(failures).extracting(Throwable::getMessage).anySatisfy(message -> assertThat(message)
                .contains("@LoadTest(profile) on BadPatternLoad.unknownProfile", "'nightly-typo'", "ci-smoke", "smoke", "soak"));
        assertThat(failures).extracting(Throwable::getMessage).anySatisfy(message -> assertThat(message)
                .contains("@LoadTest(users) on BadPatternLoad.patternAndUsers", "contradicts @LoadTest(pattern)"));
        assertThat(failures).extracting(Throwable::getMessage).anySatisfy(message -> assertThat(message)
                .contains("@LoadTest(pattern) on BadPatternLoad.peakBelowBase", "peak (5)", "above"));
        assertThat(failures).extracting(Throwable::getMessage).anySatisfy(message -> assertThat(message)
                .contains("@LoadTest(pattern) on BadPatternLoad.stressWithoutSlo", "@Slo"));
        assertThat(fixtures.containersCreatedSinceTestStart()).isZero();
        assertThat(fixtures.resultsDir()).isEmptyDirectory();
    }

    @Test
    void aTeamProfileFileWithAnUnknownAttributeOrAContradictionIsRefusedNamingTheKey() throws Exception {
        Path file = fixtures.resultsDir().resolve("bad-profiles.properties");
        Files.writeString(file, "nightly.user = 20\n");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> LoadProfiles.read(file.toUri().toURL())))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("nightly.user").hasMessageContaining("users");
        Files.writeString(file, "nightly.pattern = soak 20 users for 1h\nnightly.duration = 5m\n");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> LoadProfiles.read(file.toUri().toURL())))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("nightly.duration").hasMessageContaining("contradicts nightly.pattern");
    }

    private static Map<String, String> entriesOf(EngineExecutionResults results, String resultFile) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .filter(pairs -> pairs.getOrDefault("perfgate.result", "").endsWith(resultFile))
                .findFirst().orElseThrow();
    }
}
