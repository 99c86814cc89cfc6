package dev.perfgate.core.engine;

import dev.perfgate.core.http.ErrorKind;

/**
 * One iteration of a virtual user. The engine calls it again and again until the run ends; an
 * exception it throws is counted as a {@link ErrorKind#CHECK} error and the user goes on.
 *
 * <pre>{@code
 * Scenario scenario = user -> {
 *     Response r = user.http().get("greeting", "/api/greeting");
 *     if (!r.body().contains("hello")) throw new AssertionError("unexpected body");
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Scenario {

    /** Runs one iteration for {@code user}. */
    void iterate(VirtualUser user) throws Exception;
}
