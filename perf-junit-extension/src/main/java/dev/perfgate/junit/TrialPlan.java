package dev.perfgate.junit;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import dev.perfgate.core.engine.ArrivalSchedule;
import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.OpenLoadPlan;
import dev.perfgate.core.engine.RateStage;
import dev.perfgate.core.engine.RunPlan;

/**
 * The load of one side-by-side trial and of each version's warm-up: the test's plan, unchanged but
 * for its length. Plans whose load changes over time (user stages, a ramping arrival rate) are
 * refused: trials of different load could not be compared pair by pair.
 */
final class TrialPlan {

    private TrialPlan() {
    }

    /** {@code plan} measured for {@code length}, with no warm-up of its own. */
    static RunPlan of(RunPlan plan, Duration length, String owner) {
        return of(plan, length, owner, false);
    }

    /**
     * A warm-up of {@code plan} run as a trial of {@code length}: as {@link #of}, but with the warm-up's load,
     * an open-model plan's arrivals at its warm-up rate ({@link OpenLoadPlan#warmUpPerSecond()}), a closed-model
     * plan's users as many as its warm-up has ({@link LoadPlan#usersInWarmUp()}).
     */
    static RunPlan warmUp(RunPlan plan, Duration length, String owner) {
        return of(plan, length, owner, true);
    }

    private static RunPlan of(RunPlan plan, Duration length, String owner, boolean asWarmUp) {
        if (plan instanceof LoadPlan closed) {
            if (closed.isStaged()) {
                throw refused(owner, "stages");
            }
            return new LoadPlan(asWarmUp ? closed.usersInWarmUp() : closed.users(), Duration.ZERO, length, closed.requestTimeout(),
                    closed.thinkTime(), closed.iterationsPerUser());
        }
        OpenLoadPlan open = (OpenLoadPlan) plan;
        List<RateStage> stages = open.arrivals().stages();
        if (stages.size() != 1 || stages.get(0).fromPerSecond() != stages.get(0).toPerSecond()) {
            throw refused(owner, "arrivalRate");
        }
        double perSecond = asWarmUp ? open.warmUpPerSecond() : stages.get(0).fromPerSecond();
        return OpenLoadPlan.of(ArrivalSchedule.constant(perSecond, length)).withWarmUp(Duration.ZERO)
                .withRequestTimeout(open.requestTimeout()).withMaxInFlight(open.maxInFlight());
    }

    private static ExtensionConfigurationException refused(String owner, String attribute) {
        return new ExtensionConfigurationException("@SideBySide on " + owner + ": the load changes over time (@LoadTest(" + attribute
                + ")), but every trial must apply the same load; use a fixed number of users or a constant arrival rate, e.g."
                + " @LoadTest(users = 4) or @LoadTest(arrivalRate = \"50/s\")");
    }
}
