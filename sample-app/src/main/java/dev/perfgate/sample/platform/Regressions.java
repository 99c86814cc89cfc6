package dev.perfgate.sample.platform;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Switches that reintroduce the slowdowns teams really ship, each an honest code path, all off unless
 * their environment variable (or Spring property) is {@code true}. The load suites and the switch ITs
 * turn them on to prove that the gate notices; see sample-app/README.md's table for the operation and metric each
 * one moves.
 *
 * <ul>
 * <li>{@value #CACHE_DISABLED}: no cache manager (Spring's no-op one): every food log repeats the
 * nutrition lookup (a scan of the foods table) and every XP request recomputes the leaderboard
 * aggregate over all XP events.</li>
 * <li>{@value #INDEX_DROPPED}: the index on {@code reminders(user_id, due_at)} is dropped at startup, so
 * the reminders query scans the whole table.</li>
 * <li>{@value #N_PLUS_ONE}: the reminders list reads each reminder's habit with a query of its own
 * instead of joining it.</li>
 * <li>{@value #SLOW_SERIALIZATION}: the XP response is assembled from a JSON helper that builds a mapper
 * per value written, so Jackson looks up its modules and introspects the types again for each of them.</li>
 * <li>{@value #SYNCHRONIZED_LLM}: calls to the language model are serialized behind one lock, so
 * concurrent chats wait for each other's downstream call.</li>
 * <li>{@value #EXTRA_WORK_MICROS}: not a shipped mistake but a measuring stick: every request does that
 * many microseconds of extra CPU work (see {@link ExtraWorkFilter}), so a slowdown of a known size can be
 * injected, e.g. 5 % of the median latency for the side-by-side benchmark.</li>
 * <li>{@value #EXTRA_WORK_PATH}: limits that extra work to the requests whose path starts with it, e.g.
 * {@code /api/v1/reminders}: a handler that got slower while the others did not.</li>
 * </ul>
 */
@Component
public class Regressions {

    /** Environment variable turning the caches off: {@value}. */
    public static final String CACHE_DISABLED = "REGRESSION_CACHE_DISABLED";
    /** Environment variable dropping the reminders index: {@value}. */
    public static final String INDEX_DROPPED = "REGRESSION_INDEX_DROPPED";
    /** Environment variable making the reminders list an N+1 query: {@value}. */
    public static final String N_PLUS_ONE = "REGRESSION_N_PLUS_ONE";
    /** Environment variable making the XP response's serialization slow: {@value}. */
    public static final String SLOW_SERIALIZATION = "REGRESSION_SLOW_SERIALIZATION";
    /** Environment variable serializing the language-model calls: {@value}. */
    public static final String SYNCHRONIZED_LLM = "REGRESSION_SYNCHRONIZED_LLM";
    /** Environment variable adding CPU work to every request, in microseconds: {@value}. */
    public static final String EXTRA_WORK_MICROS = "REGRESSION_EXTRA_WORK_MICROS";
    /** Environment variable limiting the extra work to one path prefix: {@value}. */
    public static final String EXTRA_WORK_PATH = "REGRESSION_EXTRA_WORK_PATH";

    private final Environment environment;

    public Regressions(Environment environment) {
        this.environment = environment;
    }

    public boolean cacheDisabled() {
        return on(CACHE_DISABLED);
    }

    public boolean indexDropped() {
        return on(INDEX_DROPPED);
    }

    public boolean nPlusOne() {
        return on(N_PLUS_ONE);
    }

    public boolean slowSerialization() {
        return on(SLOW_SERIALIZATION);
    }

    public boolean synchronizedLlm() {
        return on(SYNCHRONIZED_LLM);
    }

    /** Microseconds of extra CPU work per request, 0 when the switch is off. */
    public long extraWorkMicros() {
        long micros = environment.getProperty(EXTRA_WORK_MICROS, Long.class, 0L);
        if (micros < 0) {
            throw new IllegalStateException(EXTRA_WORK_MICROS + " must be 0 or more microseconds; got " + micros);
        }
        return micros;
    }

    /** The path prefix the extra work is limited to; empty when every request does it. */
    public String extraWorkPath() {
        String path = environment.getProperty(EXTRA_WORK_PATH, "").strip();
        if (!path.isEmpty() && !path.startsWith("/")) {
            throw new IllegalStateException(EXTRA_WORK_PATH + " must be a path starting with /, e.g. /api/v1/reminders; got " + path);
        }
        return path;
    }

    private boolean on(String name) {
        return environment.getProperty(name, Boolean.class, false);
    }
}
