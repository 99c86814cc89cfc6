package dev.perfgate.core.scenario;

import java.util.HashMap;
import java.util.Map;

import dev.perfgate.core.engine.VirtualUser;
import dev.perfgate.core.http.Http;

/** A virtual user without HTTP, for driving scenarios by hand. */
final class TestUser implements VirtualUser {

    private final int id;
    private final Map<String, Object> session = new HashMap<>();
    private long iteration;

    TestUser(int id) {
        this.id = id;
    }

    /** Runs the next iteration of {@code scenario} as this user. */
    void iterate(dev.perfgate.core.engine.Scenario scenario) throws Exception {
        iteration++;
        scenario.iterate(this);
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public long iteration() {
        return iteration;
    }

    @Override
    public Http http() {
        throw new UnsupportedOperationException("no HTTP in this test");
    }

    @Override
    public Map<String, Object> session() {
        return session;
    }
}
