package dev.perfgate.junit;

import org.testcontainers.DockerClientFactory;

/**
 * Runs one fixture class in a JVM of its own, as {@code mvn verify} would: its tests signal it
 * (SIGTERM) mid-run. Prints {@value #SESSION_PREFIX} and the Testcontainers session id first, so
 * that the parent can look for the containers this JVM started.
 */
final class ForkedFixture {

    static final String SESSION_PREFIX = "forked-fixture-session=";

    private ForkedFixture() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        System.out.println(SESSION_PREFIX + DockerClientFactory.SESSION_ID);
        Fixtures.run(Class.forName(args[0]));
    }
}
