package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.junit.fixture.PostgresContainerLoad;
import dev.perfgate.junit.fixture.PostgresKilledMidRunLoad;

/**
 * {@link AppUnderTest#fromContainer} beside a real Testcontainers module rather than a {@code GenericContainer}:
 * testcontainers-postgresql's {@code PostgreSQLContainer}, which the application's container depends on and
 * stores every request in, in real containers.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AppFromContainerWithPostgresTest {

    /** What PostgreSQL prints when it is up: the last words of a database killed while it served. */
    private static final String POSTGRES_READY = "database system is ready to accept connections";

    @RegisterExtension
    final FixtureIsolation fixtures = FixtureIsolation.clearing();

    @AfterEach
    void nothingIsLeft() throws InterruptedException {
        Fixtures.assertNothingLeft(Duration.ofSeconds(10));
    }

    @Test
    void theApplicationStoresEveryRequestInThePostgresContainerItDependsOnAndPerfgateStopsBoth() throws Exception {
        EngineExecutionResults results = Fixtures.run(PostgresContainerLoad.class);

        assertThat(Fixtures.failures(results)).isEmpty();
        LoadTestResult result = ResultFiles.read(fixtures.resultsDir().resolve(PostgresContainerLoad.ID + ".json"));
        assertThat(result.status()).isEqualTo(ResultStatus.PASSED);
        assertThat(result.total().requests()).isPositive();
        assertThat(result.total().errors()).as("each order stored and counted by PostgreSQL").isZero();
        // rows PostgreSQL holds after the run, read from the test: one per request answered, no warm-up
        Fixtures.assertServedAsCounted(PostgresContainerLoad.ROWS_AFTER_THE_RUN.get(), result.total().requests(), result.plan().users());
        assertThat(fixtures.containersCreatedSinceTestStart()).as("the app and its database").isEqualTo(2);
        assertThat(PostgresContainerLoad.APP.isRunning()).isFalse();
        assertThat(PostgresContainerLoad.POSTGRES.isRunning()).as("started by perfgate through dependsOn, so stopped by it").isFalse();
        PostgresContainerLoad.NETWORK.close(); // the test's network: perfgate leaves it alone
    }

    @Test
    void thePostgresContainerKilledMidRunFailsTheTestNamingItWithItsExitCodeAndLogTail() throws Exception {
        EngineExecutionResults results = Fixtures.run(PostgresKilledMidRunLoad.class);

        String database = "the container " + PostgresKilledMidRunLoad.DB_ALIAS + " (PostgreSQLContainer of image ";
        assertThat(Fixtures.failures(results)).singleElement().isInstanceOf(AssertionError.class)
                .extracting(Throwable::getMessage).asString()
                .contains("PostgresKilledMidRunLoad.order FAILED", database,
                        "which the application depends on, stopped with exit code 137 after the application started",
                        "last lines of its log", POSTGRES_READY);
        LoadTestResult result = ResultFiles.read(fixtures.resultsDir().resolve("PostgresKilledMidRunLoad.order.json"));
        assertThat(result.status()).as("the run ran its course: the application itself stayed up").isEqualTo(ResultStatus.FAILED);
        assertThat(result.statusReason()).contains(database);
        OperationResult order = result.operations().get("order");
        assertThat(order.requests() - order.errors()).as("orders stored before the kill (and while the signal lands)")
                .isBetween((long) PostgresKilledMidRunLoad.ORDERS_BEFORE_THE_KILL, PostgresKilledMidRunLoad.ORDERS_BEFORE_THE_KILL + 5L);
        assertThat(order.errors()).as("the application's 503s once its database was gone").isPositive();
        assertThat(PostgresKilledMidRunLoad.APP.isRunning()).isFalse();
        assertThat(PostgresKilledMidRunLoad.POSTGRES.isRunning()).isFalse();
        PostgresKilledMidRunLoad.NETWORK.close();
    }
}
