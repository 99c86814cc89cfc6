package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.PlanSummary.UserTypeSummary;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.junit.fixture.BadUserMixLoad;
import dev.perfgate.junit.fixture.MixedUsersLoad;

/**
 * {@link UserType}, {@link Task}, {@link CsvFeeder} and response checks end to end: a mixed run
 * against the tiny app in a real container, and every bad configuration failing before any
 * container starts. The counts are fixed by the session limit, not by speed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UserMixExtensionTest {

    @RegisterExtension
    final FixtureIsolation fixtures = FixtureIsolation.clearing();

    @Test
    void mixedUsersFollowTheWeightsAndFailedChecksCountPerOperation() {
        EngineExecutionResults results = Fixtures.run(MixedUsersLoad.class);

        assertThat(Fixtures.failures(results)).isEmpty();
        LoadTestResult result = ResultFiles.read(fixtures.resultsDir().resolve("MixedUsersLoad.mixed.json"));
        assertThat(result.status()).isEqualTo(ResultStatus.PASSED);
        int iterations = MixedUsersLoad.ITERATIONS;

        // 8 users at 3:1 are exactly 6 regular users and 2 admins.
        assertThat(result.plan().userTypes()).containsExactly(
                new UserTypeSummary("Regular", 3, 6, Map.of("chat", 3, "food", 1)),
                new UserTypeSummary("admin", 1, 2, Map.of("stats", 1)));
        Map<String, OperationResult> operations = result.operations();
        assertThat(operations).containsOnlyKeys("login", "chat", "food", "stats");
        assertThat(operations.get("login").requests()).as("the method runs once per user").isEqualTo(8);
        assertThat(operations.get("stats").requests()).isEqualTo(2L * iterations);
        long regular = 6L * iterations;
        long chat = operations.get("chat").requests();
        long food = operations.get("food").requests();
        assertThat(chat + food).isEqualTo(regular);
        double fourSigma = 4 * Math.sqrt(regular * 0.75 * 0.25);
        assertThat((double) chat).as("chat at weight 3 of 4").isBetween(regular * 0.75 - fourSigma, regular * 0.75 + fourSigma);

        // Every food request failed its check: counted once, as a check error of food, with the check named.
        assertThat(operations.get("food").errorsByKind()).containsExactly(Map.entry("check", food));
        assertThat(operations.get("food").checkFailure()).startsWith("check failed on 'food': body contains \"pizza\", but it does not");
        assertThat(operations.get("chat").errors()).isZero();
        assertThat(result.total().requests()).isEqualTo(8 + 8L * iterations);
        assertThat(result.total().errors()).isEqualTo(food);
    }

    @Test
    void badUserTypesAndFeedersFailNamingTheAttributeBeforeAnyContainerStarts() throws Exception {
        EngineExecutionResults results = Fixtures.run(BadUserMixLoad.class);

        Map<String, String> messages = results.testEvents().failed().stream().collect(Collectors.toMap(
                event -> event.getTestDescriptor().getDisplayName().replaceAll("\\(.*\\)", ""), UserMixExtensionTest::configurationMessage));
        assertThat(messages).containsOnlyKeys("zeroWeight", "noTasks", "innerClass", "badTaskWeight", "badParameter", "openModel",
                "missingFeeder", "raggedFeeder");
        assertThat(messages.get("zeroWeight")).contains("@UserType(weight) on BadUserMixLoad.zeroWeight: 0 for Good must be 1 or more");
        assertThat(messages.get("noTasks")).contains("@UserType(NoTasks.class) on BadUserMixLoad.noTasks", "has no @Task method");
        assertThat(messages.get("innerClass")).contains("@UserType(Inner.class)", "is an inner class; make it a static nested class");
        assertThat(messages.get("badTaskWeight")).contains("@Task(weight) on BadTaskWeight.ok: -5 must be 1 or more");
        assertThat(messages.get("badParameter")).contains("@Task on BadParameter.ok: parameter of type String cannot be given");
        assertThat(messages.get("openModel")).contains("@UserType on BadUserMixLoad.openModel needs the closed model");
        assertThat(messages.get("missingFeeder")).contains("@CsvFeeder(\"src/test/resources/feeders/missing.csv\")",
                Path.of("src/test/resources/feeders/missing.csv").toAbsolutePath().toString(), "does not exist");
        assertThat(messages.get("raggedFeeder")).contains("ragged.csv line 3: 1 value(s), but the header (line 1) names 2 field(s)");
        assertThat(fixtures.containersCreatedSinceTestStart()).isZero();
        assertThat(fixtures.resultsDir()).isEmptyDirectory();
    }

    private static String configurationMessage(Event event) {
        Throwable failure = event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class);
        return failure.getMessage();
    }
}
