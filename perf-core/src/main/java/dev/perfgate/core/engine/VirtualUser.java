package dev.perfgate.core.engine;

import dev.perfgate.core.http.Http;

/**
 * One simulated user: its id, how many times it has run its scenario, and its HTTP client.
 * A virtual user runs on one thread; its {@link Http} must not be shared with other users. In the
 * open model ({@link OpenLoadPlan}) a virtual user is a worker of the pool that runs the arrivals:
 * its iterations are the arrivals it happened to take, not one person's session.
 *
 * <pre>{@code
 * Scenario scenario = user -> user.http().get("greeting", "/api/greeting?name=user-" + user.id());
 * }</pre>
 */
public interface VirtualUser {

    /** 1-based id, unique within a run. */
    int id();

    /** 1-based number of the iteration now running. */
    long iteration();

    /** This user's HTTP client, bound to the target of the run. */
    Http http();
}
