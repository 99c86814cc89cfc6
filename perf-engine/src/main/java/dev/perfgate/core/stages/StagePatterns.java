package dev.perfgate.core.stages;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.perfgate.core.engine.ArrivalSchedule;
import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.OpenLoadPlan;
import dev.perfgate.core.engine.RunPlan;
import dev.perfgate.core.engine.UserSchedule;
import dev.perfgate.core.slo.SloThreshold;
import dev.perfgate.core.time.ReadableDuration;
import dev.perfgate.core.time.ReadableRate;

/**
 * Reads a {@link StageProfile} from one line, as written in {@code @LoadTest(pattern)} or a profile:
 *
 * <pre>{@code
 * spike 1->200->1 users for 10s/5s/20s            // base, peak, base again; recovery time reported
 * spike 5/s->100/s->5/s for 10s/5s/20s, tolerance 50%
 * stress 10->60 users step 10 every 10s           // steps 10, 20, ... 60 users; breaking point reported
 * stress 50/s->400/s step 50/s every 10s
 * soak 20 users for 30m                           // p95 drift reported
 * soak 50/s for 2h
 * }</pre>
 *
 * Users make a closed-model plan, rates ({@code /s}) an open-model one. The plans carry no warm-up,
 * think time or timeout: add them with {@code withPlan}.
 */
public final class StagePatterns {

    /** Valid forms, for error messages. */
    public static final String EXAMPLES = "\"spike 1->200->1 users for 10s/5s/20s\", \"stress 10->60 users step 10 every 10s\","
            + " \"soak 20 users for 30m\" (or rates such as 5/s->100/s->5/s)";

    private static final String LOAD = "([0-9]+(?:\\.[0-9]+)?(?:\\s*/s)?)";
    private static final String TIME = "([0-9a-z.]+)";
    private static final Pattern SPIKE = Pattern.compile("spike\\s+" + LOAD + "\\s*->\\s*" + LOAD + "\\s*->\\s*" + LOAD
            + "(\\s+users)?\\s+for\\s+" + TIME + "\\s*/\\s*" + TIME + "\\s*/\\s*" + TIME + "(?:\\s*,\\s*tolerance\\s+([0-9.]+)\\s*%)?");
    private static final Pattern STRESS = Pattern.compile("stress\\s+" + LOAD + "\\s*->\\s*" + LOAD + "(\\s+users)?\\s+step\\s+"
            + LOAD + "\\s+every\\s+" + TIME);
    private static final Pattern SOAK = Pattern.compile("soak\\s+" + LOAD + "(\\s+users)?\\s+for\\s+" + TIME);

    private StagePatterns() {
    }

    /**
     * The profile {@code text} describes; {@code slos} are what each step of a stress run must meet.
     *
     * @throws IllegalArgumentException naming {@code where}, what is wrong and a valid form
     */
    public static StageProfile parse(String text, List<SloThreshold> slos, String where) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        try {
            Matcher spike = SPIKE.matcher(value);
            if (spike.matches()) {
                return spike(spike, where);
            }
            Matcher stress = STRESS.matcher(value);
            if (stress.matches()) {
                return stress(stress, slos, where);
            }
            Matcher soak = SOAK.matcher(value);
            if (soak.matches()) {
                Duration duration = ReadableDuration.parse(soak.group(3), where);
                return soak.group(2) != null || !isRate(soak.group(1))
                        ? Soak.users(users(soak.group(1), where), duration)
                        : Soak.rate(ReadableRate.parse(soak.group(1), where), duration);
            }
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(where)) {
                throw e;
            }
            throw new IllegalArgumentException(where + ": '" + text + "': " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(where + ": '" + text + "' is not a pattern; use one of " + EXAMPLES);
    }

    /** {@code profile} with {@code plan} (the same stages, with a warm-up, think time or timeout added). */
    public static StageProfile withPlan(StageProfile profile, RunPlan plan) {
        if (profile instanceof Spike spike) {
            return spike.withPlan(plan);
        }
        if (profile instanceof StepStress stress) {
            return stress.withPlan(plan);
        }
        return new Soak(plan);
    }

    private static StageProfile spike(Matcher spike, String where) {
        boolean users = requireSameModel(where, spike.group(4) != null, spike.group(1), spike.group(2), spike.group(3));
        Duration before = ReadableDuration.parse(spike.group(5), where);
        Duration peak = ReadableDuration.parse(spike.group(6), where);
        Duration after = ReadableDuration.parse(spike.group(7), where);
        double tolerance = spike.group(8) == null ? Spike.DEFAULT_TOLERANCE : Double.parseDouble(spike.group(8)) / 100;
        if (users) {
            int base = users(spike.group(1), where);
            int top = users(spike.group(2), where);
            int back = users(spike.group(3), where);
            requireSpike(where, base, top, back);
            return new Spike(LoadPlan.of(UserSchedule.hold(base, before).thenHold(top, peak).thenHold(back, after)), tolerance);
        }
        double base = ReadableRate.parse(spike.group(1), where);
        double top = ReadableRate.parse(spike.group(2), where);
        double back = ReadableRate.parse(spike.group(3), where);
        requireSpike(where, base, top, back);
        return new Spike(OpenLoadPlan.of(ArrivalSchedule.constant(base, before).thenConstant(top, peak).thenConstant(back, after)),
                tolerance);
    }

    private static void requireSpike(String where, double base, double peak, double back) {
        if (base <= 0 || back <= 0) {
            throw new IllegalArgumentException(where + ": a spike's base load must be above 0 (its p95 is the baseline the"
                    + " recovery is measured against), e.g. \"spike 1->200->1 users for 10s/5s/20s\"");
        }
        if (peak <= base || peak <= back) {
            throw new IllegalArgumentException(where + ": the spike's peak (" + format(peak) + ") must be above the load before ("
                    + format(base) + ") and after it (" + format(back) + "), e.g. \"spike 1->200->1 users for 10s/5s/20s\"");
        }
    }

    private static StageProfile stress(Matcher stress, List<SloThreshold> slos, String where) {
        boolean users = requireSameModel(where, stress.group(3) != null, stress.group(1), stress.group(2), stress.group(4));
        Duration every = ReadableDuration.parse(stress.group(5), where);
        double from = users ? users(stress.group(1), where) : ReadableRate.parse(stress.group(1), where);
        double to = users ? users(stress.group(2), where) : ReadableRate.parse(stress.group(2), where);
        double step = users ? users(stress.group(4), where) : ReadableRate.parse(stress.group(4), where);
        double count = step <= 0 ? -1 : (to - from) / step;
        if (from <= 0 || to <= from || count != Math.rint(count)) {
            throw new IllegalArgumentException(where + ": a stress run climbs from a load above 0 to a higher one in equal steps; "
                    + format(from) + "->" + format(to) + " step " + format(step) + " does not, e.g. \"stress 10->60 users step 10 every 10s\"");
        }
        if (slos == null || slos.isEmpty()) {
            throw new IllegalArgumentException(where + ": a stress run stops at the first step that misses an SLO, and none is"
                    + " declared; add one, e.g. @Slo(p95 = \"300ms\")");
        }
        int steps = (int) count + 1;
        return users ? StepStress.users((int) from, (int) step, steps, every, slos) : StepStress.rate(from, step, steps, every, slos);
    }

    /** Whether the loads are users (no {@code /s}); fails when users and rates are mixed. */
    private static boolean requireSameModel(String where, boolean saysUsers, String... loads) {
        long rates = java.util.Arrays.stream(loads).filter(StagePatterns::isRate).count();
        if (rates != 0 && (rates != loads.length || saysUsers)) {
            throw new IllegalArgumentException(where + ": users and rates mixed; write all loads as users (\"1->200->1 users\")"
                    + " or all as rates (\"5/s->100/s->5/s\")");
        }
        return rates == 0;
    }

    private static boolean isRate(String load) {
        return load.endsWith("/s");
    }

    private static int users(String count, String where) {
        try {
            int users = Integer.parseInt(count);
            if (users <= LoadPlan.MAX_USERS) {
                return users;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + ": '" + count + "' is not a number of users from 0 to " + LoadPlan.MAX_USERS);
    }

    private static String format(double load) {
        return load == Math.rint(load) ? String.valueOf((long) load) : String.valueOf(load);
    }
}
