package dev.perfgate.core.docs;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.perfgate.core.engine.LoadEngine;
import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.ResultOfRun;
import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.engine.Scenario;
import dev.perfgate.core.engine.UserSchedule;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.RunEnvironment;
import dev.perfgate.core.scenario.Feeder;
import dev.perfgate.core.scenario.UserMix;
import dev.perfgate.core.scenario.UserType;
import dev.perfgate.core.slo.SloThreshold;
import dev.perfgate.core.stages.Soak;
import dev.perfgate.core.stages.Spike;
import dev.perfgate.core.stages.StepStress;

/**
 * The sources of the docs' perf-engine blocks: the engine used without JUnit or Docker (README,
 * docs/user-mix.md, docs/feeders.md). The regions are marked {@code // tag::name[]} ...
 * {@code // end::name[]}; perf-junit-extension's {@code DocSnippetsTest} compares them with the
 * docs. {@link EngineSnippetsTest} runs the cheap ones against a loopback server; the stages one
 * is minutes of load, so it is only compiled.
 */
final class EngineSnippets {

    private EngineSnippets() {
    }

    /** docs/feeders.md: a CSV file fed per user, a list fed per iteration. */
    static Scenario feeders() {
        // tag::feeders[]
        Feeder accounts = Feeder.csv(Path.of("src/test/resources/accounts.csv"));          // per user
        Feeder queries = Feeder.of(List.of(Map.of("q", "pizza"), Map.of("q", "sushi"))).perIteration();
        Scenario scenario = accounts.feeding(user -> user.http().get("search", "/api/search?user=" + user.data("username")));
        // end::feeders[]
        return queries.feeding(scenario);
    }

    /** docs/user-mix.md: user types and tasks without annotations. */
    static LoadTestResult userMix(LoadPlan plan, URI target, String id, RunEnvironment environment) {
        // tag::user-mix[]
        UserMix mix = UserMix.of(
                UserType.named("regular").weight(70)
                        .task("chat", 50, user -> user.http().post("chat", "/api/chat", "{}"))
                        .task("food", 20, user -> user.http().get("food", "/api/food"))
                        .task("reminders", 20, user -> user.http().get("reminders", "/api/reminders"))
                        .task("xp", 10, user -> user.http().get("xp", "/api/xp")),
                UserType.named("admin").weight(5).task("stats", 1, user -> user.http().get("stats", "/admin/stats")));
        RunMeasurements m = new LoadEngine().run(plan, target, mix);
        LoadTestResult result = ResultOfRun.judged(id, plan, m, environment).withUserTypes(mix.describe(plan.users()));
        // end::user-mix[]
        return result;
    }

    /** docs/stages.md, "Without JUnit": a ramp, and spike, stress and soak with what each reports. */
    static LoadTestResult stages(URI target, Scenario scenario, List<SloThreshold> slos, String id, RunEnvironment environment) {
        // tag::stages[]
        LoadPlan ramped = LoadPlan.of(UserSchedule.parse("ramp 0->20 over 10s, hold 20 for 30s, ramp 20->0 over 5s", "ramp"));
        Spike spike = Spike.users(2, 40, Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(20));   // recovery time
        StepStress stress = StepStress.rate(50, 50, 8, Duration.ofSeconds(10), slos);                            // breaking point
        Soak soak = Soak.users(20, Duration.ofMinutes(30));                                                       // p95 drift
        RunMeasurements m = new LoadEngine().run(spike.plan(), target, scenario, spike.watcher());
        LoadTestResult result = ResultOfRun.judged(id, spike.plan(), m, environment).withStages(spike.report(m));
        // end::stages[]
        return result;
    }
}
