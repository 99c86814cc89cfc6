package dev.perfgate.core.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import dev.perfgate.core.engine.Scenario;
import dev.perfgate.core.engine.VirtualUser;

/**
 * Data for virtual users, one record (field name to value) at a time: from a list, or from a CSV file
 * whose first line names the fields. {@link #feeding(Scenario)} gives each iteration its record as
 * {@link VirtualUser#data()}.
 *
 * <pre>{@code
 * Feeder accounts = Feeder.csv(Path.of("src/test/resources/accounts.csv"));   // username,password
 * Scenario login = accounts.feeding(user -> user.http().post("login", "/api/login",
 *         "{\"user\":\"" + user.data("username") + "\",\"password\":\"" + user.data("password") + "\"}"));
 *
 * Feeder queries = Feeder.of(List.of(Map.of("q", "pizza"), Map.of("q", "sushi"))).perIteration();
 * }</pre>
 *
 * <h2>Which record a user gets</h2>
 * {@link #perUser()} (the default): user {@code n} keeps record {@code n}, starting over at the first
 * when there are more users than records (circular), so each user is the same person in every
 * iteration and every run. {@link #perIteration()}: each iteration of any user takes the next record
 * of the feeder, circular, so that the records are used evenly whatever the users do.
 *
 * <p>Thread-safe; the records are read once, when the feeder is made.
 */
public final class Feeder {

    private final String source;
    private final List<Map<String, String>> records;
    private final boolean perIteration;
    private final AtomicLong next = new AtomicLong();

    private Feeder(String source, List<Map<String, String>> records, boolean perIteration) {
        this.source = source;
        this.records = records;
        this.perIteration = perIteration;
    }

    /**
     * A feeder of {@code records}, each a map of field name to value.
     *
     * @throws IllegalArgumentException when there is no record or one is null
     */
    public static Feeder of(List<Map<String, String>> records) {
        Objects.requireNonNull(records, "records");
        if (records.isEmpty()) {
            throw new IllegalArgumentException("feeder: no record given; give one or more, e.g. List.of(Map.of(\"username\", \"ada\"))");
        }
        List<Map<String, String>> copies = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Map<String, String> record = records.get(i);
            if (record == null) {
                throw new IllegalArgumentException("feeder: record " + (i + 1) + " is null");
            }
            copies.add(Collections.unmodifiableMap(new LinkedHashMap<>(record)));
        }
        return new Feeder("list of " + copies.size() + " records", List.copyOf(copies), false);
    }

    /**
     * A feeder of the records of CSV {@code file} (UTF-8; the first line names the fields; values may be
     * quoted with {@code "}; blank lines are skipped).
     *
     * @throws IllegalArgumentException naming the file, and the line where one is at fault, when the file
     *         is missing, empty, has no record, or a line has more or fewer values than the header has fields
     */
    public static Feeder csv(Path file) {
        return new Feeder(file.toString(), List.copyOf(CsvRecords.read(file)), false);
    }

    /** A copy in which user {@code n} keeps record {@code n} (circular) for all its iterations: the default. */
    public Feeder perUser() {
        return new Feeder(source, records, false);
    }

    /** A copy in which every iteration takes the next record (circular), shared by all users. */
    public Feeder perIteration() {
        return new Feeder(source, records, true);
    }

    /** How many records the feeder holds. */
    public int size() {
        return records.size();
    }

    /** {@code scenario} run with this feeder's record for each iteration as the user's {@link VirtualUser#data()}. */
    public Scenario feeding(Scenario scenario) {
        Objects.requireNonNull(scenario, "scenario");
        return user -> scenario.iterate(new FedUser(user, recordFor(user)));
    }

    /** The record of {@code user}'s current iteration. */
    Map<String, String> recordFor(VirtualUser user) {
        long index = perIteration ? next.getAndIncrement() : user.id() - 1L;
        return records.get((int) Math.floorMod(index, (long) records.size()));
    }

    @Override
    public String toString() {
        return "Feeder[" + source + ", " + (perIteration ? "per iteration" : "per user") + "]";
    }
}
