package dev.perfgate.core.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import dev.perfgate.core.http.Http;
import dev.perfgate.core.http.UserHttp;

/** The state of one user (in the open model: one worker), confined to its thread. */
final class RunningUser implements VirtualUser {
    private final int id;
    private final UserHttp[] https;
    private final Map<String, Object> session = new HashMap<>();
    /** Interleaved runs: the targets of the current round, in the order drawn, and the next one's place. */
    private final int[] round;
    private final SplittableRandom order;
    private int next;
    private int current;
    private long iteration;
    /** Closed model: whether the schedule wants the user now (it counts as active); confined to its thread. */
    boolean active;

    RunningUser(int id, UserHttp http) {
        this(id, new UserHttp[] {http}, 0);
    }

    /** A user whose iterations go to each of {@code https} in turn, each round in an order drawn from {@code seed} and its id. */
    RunningUser(int id, UserHttp[] https, long seed) {
        this.id = id;
        this.https = https;
        this.round = new int[https.length];
        for (int i = 0; i < round.length; i++) {
            round[i] = i;
        }
        this.next = round.length;
        this.order = new SplittableRandom(seed * 31 + id);
    }

    /** Closes the user's own connections, if its transport has them. */
    void closeConnection() {
        for (UserHttp http : https) {
            http.close();
        }
    }

    /** Counts the iteration about to run and returns the target it goes to (from 0; always 0 with one). */
    int beginIteration() {
        iteration++;
        if (round.length > 1) {
            if (next == round.length) {
                shuffle();
                next = 0;
            }
            current = round[next++];
        }
        return current;
    }

    private void shuffle() {
        for (int i = round.length - 1; i > 0; i--) {
            int j = order.nextInt(i + 1);
            int swap = round[i];
            round[i] = round[j];
            round[j] = swap;
        }
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
        return https[current];
    }

    @Override
    public Map<String, Object> session() {
        return session;
    }
}
