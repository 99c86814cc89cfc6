package dev.perfgate.junit.docs;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.postgresql.PostgreSQLContainer;

import dev.perfgate.core.http.Http;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;

/**
 * docs/application.md: the declarations of its table of the four application sources (compiled
 * here, not tagged: the table shows them inline), a container the test built itself
 * ({@code ShopLoadIT}, below) and one that also depends on a one-shot migration container. Compiled, not run (Docker, an image this repository
 * does not have); the runs of {@code fromContainer} are the fixtures {@code ContainerLoad} and, beside a real
 * {@code PostgreSQLContainer}, {@code PostgresContainerLoad}.
 */
class ApplicationSnippets {

    static AppUnderTest fromDockerfile = AppUnderTest.fromDockerfile("Dockerfile").withBuildArg("VERSION", "1.4.0");
    static AppUnderTest fromImage = AppUnderTest.fromImage("shop:1.4.0");
    static AppUnderTest fromJar = AppUnderTest.fromJar("target/shop.jar").withBaseImage("eclipse-temurin:21-jre")
            .withEnv("JAVA_TOOL_OPTIONS", "-Xmx256m");

    static Network network = Network.newNetwork();
    static PostgreSQLContainer db = new PostgreSQLContainer("postgres:16-alpine").withNetwork(network).withNetworkAliases("db");
    // tag::one-shot-migration[]
    static GenericContainer<?> migrate = new GenericContainer<>("shop-migrations:1.4.0")
            .withNetwork(network)
            .dependsOn(db)
            .withStartupCheckStrategy(new OneShotStartupCheckStrategy());   // started, run to its end (exit 0), then the shop
    static GenericContainer<?> shop = new GenericContainer<>("shop:1.4.0")
            .withNetwork(network)
            .withExposedPorts(8080)
            .dependsOn(db, migrate);
    // end::one-shot-migration[]
}

// A top-level class of its own, as docs/application.md shows it (an auxiliary class of this file: Maven runs no class named *IT here).
// tag::shop-load-it[]
class ShopLoadIT {

    static Network network = Network.newNetwork();
    static PostgreSQLContainer db = new PostgreSQLContainer("postgres:16-alpine")   // testcontainers-postgresql
            .withNetwork(network).withNetworkAliases("db");
    static GenericContainer<?> shop = new GenericContainer<>("shop:1.4.0")
            .withNetwork(network)
            .withExposedPorts(8080)
            .dependsOn(db)
            .withEnv("DB_URL", "jdbc:postgresql://db:5432/" + db.getDatabaseName())
            .withEnv("DB_USER", db.getUsername())
            .withEnv("DB_PASSWORD", db.getPassword())
            .waitingFor(Wait.forHttp("/actuator/health"));

    @App   // below the container: static fields are initialised in order
    static AppUnderTest app = AppUnderTest.fromContainer(shop);

    @LoadTest(users = 8, duration = "30s")
    void order(Http http) {
        http.post("order", "/api/orders", "{\"item\":42}");
    }
}
// end::shop-load-it[]
