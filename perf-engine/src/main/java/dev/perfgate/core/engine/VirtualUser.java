package dev.perfgate.core.engine;

import java.util.Map;

import dev.perfgate.core.http.Http;

/**
 * One simulated user: its id, how many times it has run its scenario, its HTTP client, its session
 * (values it keeps from one request to the next) and the data a feeder gave it.
 * A virtual user runs on one thread; its {@link Http} must not be shared with other users. In the
 * open model ({@link OpenLoadPlan}) a virtual user is a worker of the pool that runs the arrivals:
 * its iterations are the arrivals it happened to take, not one person's session.
 *
 * <pre>{@code
 * Scenario scenario = user -> user.http().get("greeting", "/api/greeting?name=user-" + user.id());
 *
 * Scenario session = user -> {
 *     if (user.iteration() == 1) {
 *         user.session().put("cart", user.http().post("new cart", "/api/carts", "{}").header("Location").orElseThrow());
 *     }
 *     user.http().post("add item", user.session().get("cart") + "/items", "{\"sku\":\"" + user.data("sku") + "\"}");
 * };
 * }</pre>
 */
public interface VirtualUser {

    /** 1-based id, unique within a run. */
    int id();

    /** 1-based number of the iteration now running. */
    long iteration();

    /** This user's HTTP client, bound to the target of the run. */
    Http http();

    /**
     * This user's own values, kept across its iterations (and its tasks, in a
     * {@link dev.perfgate.core.scenario.UserMix}), e.g. an id one request returned for the next. Starts
     * empty; like the user, confined to one thread, so a plain mutable map.
     */
    Map<String, Object> session();

    /**
     * The record a {@link dev.perfgate.core.scenario.Feeder} gave this iteration, by field name; empty
     * when the scenario has no feeder.
     */
    default Map<String, String> data() {
        return Map.of();
    }

    /**
     * Field {@code name} of {@link #data()}.
     *
     * @throws IllegalArgumentException naming the field and those the record has, when it has none of that name
     */
    default String data(String name) {
        String value = data().get(name);
        if (value == null) {
            throw new IllegalArgumentException("user " + id() + " has no data field '" + name + "'; its feeder record has "
                    + (data().isEmpty() ? "no fields (is a feeder set?)" : "the fields " + data().keySet()));
        }
        return value;
    }
}
