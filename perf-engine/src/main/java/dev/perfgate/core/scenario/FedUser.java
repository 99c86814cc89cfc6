package dev.perfgate.core.scenario;

import java.util.Map;

import dev.perfgate.core.engine.VirtualUser;
import dev.perfgate.core.http.Http;

/** A virtual user seen with the record a {@link Feeder} gave its iteration; everything else is the user's own. */
record FedUser(VirtualUser user, Map<String, String> data) implements VirtualUser {

    @Override
    public int id() {
        return user.id();
    }

    @Override
    public long iteration() {
        return user.iteration();
    }

    @Override
    public Http http() {
        return user.http();
    }

    @Override
    public Map<String, Object> session() {
        return user.session();
    }
}
