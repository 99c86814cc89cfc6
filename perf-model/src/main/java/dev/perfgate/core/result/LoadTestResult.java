package dev.perfgate.core.result;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.perfgate.core.slo.SloReport;

/**
 * One load test's result: what was run, where, and what was measured. Written by the JUnit
 * extension to {@code target/perf-results/<testId>.json}, read by the Maven plugin, and promoted
 * unchanged to {@code baselines/<testId>.json}. See {@code docs/result-schema.md}.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION} for this layout
 * @param testId        stable id of the test, also the file name
 * @param status        how the run ended
 * @param statusReason  why the run failed or was aborted, or {@code null}
 * @param startedAt     ISO-8601 instant at which the measured phase began
 * @param plan          the load
 * @param environment   the machine
 * @param iterations    scenario iterations scheduled, started and dropped; {@code null} in results written
 *                      before they were recorded
 * @param total         all operations together
 * @param operations    per operation name
 * @param slo           the run judged against its SLOs, or {@code null} when the test declares none
 * @param resources     CPU and memory of the application's container in the measured phase, or {@code null}
 *                      when they were not sampled (no container, or the Docker engine did not answer)
 * @param timeSeries    the run second by second, warm-up included; empty in results written before it was
 *                      recorded, and for drivers that keep none
 * @param stages        what a staged run found (each stage's figures; a spike's recovery, a stress run's breaking
 *                      point, a soak's drift), or {@code null} for a run of one stage
 * @param appMetrics    named metrics scraped from the application's Prometheus endpoint, or {@code null} when none
 *                      were asked for (and in results written before they were recorded)
 * @param sideBySide    the paired trials of the reference version and this one, or {@code null} when the
 *                      test did not run side by side
 * @param testClass     the test's class, fully qualified, or {@code null} in results written before it was
 *                      recorded: two classes of one simple name (ids are {@code SimpleName.method}) must not
 *                      share one result and baseline
 * @param generator     what the load generator's own process cost in the measured phase (CPU time, per request),
 *                      or {@code null} when it was not measured (and in results written before it was recorded)
 * @param segment       which part of a distributed run this result holds, or {@code null} (and not written) for a
 *                      whole run: the result of every test the gate reads
 */
public record LoadTestResult(
        int schemaVersion,
        String testId,
        ResultStatus status,
        String statusReason,
        String startedAt,
        PlanSummary plan,
        RunEnvironment environment,
        IterationResult iterations,
        OperationResult total,
        Map<String, OperationResult> operations,
        SloReport slo,
        ResourceResult resources,
        List<SecondFigures> timeSeries,
        StageReport stages,
        AppMetricsResult appMetrics,
        SideBySideResult sideBySide,
        String testClass,
        GeneratorResult generator,
        @JsonInclude(JsonInclude.Include.NON_NULL) SegmentSummary segment) {

    /** The result layout this version of perfgate writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    public LoadTestResult {
        operations = operations == null ? Map.of() : new TreeMap<>(operations);
        timeSeries = timeSeries == null ? List.of() : List.copyOf(timeSeries);
    }

    /** The result of a whole run. */
    public LoadTestResult(int schemaVersion, String testId, ResultStatus status, String statusReason, String startedAt,
            PlanSummary plan, RunEnvironment environment, IterationResult iterations, OperationResult total,
            Map<String, OperationResult> operations, SloReport slo, ResourceResult resources, List<SecondFigures> timeSeries,
            StageReport stages, AppMetricsResult appMetrics, SideBySideResult sideBySide, String testClass,
            GeneratorResult generator) {
        this(schemaVersion, testId, status, statusReason, startedAt, plan, environment, iterations, total, operations, slo, resources,
                timeSeries, stages, appMetrics, sideBySide, testClass, generator, null);
    }

    /** A result without the generator's cost, as written before it was recorded. */
    public LoadTestResult(int schemaVersion, String testId, ResultStatus status, String statusReason, String startedAt,
            PlanSummary plan, RunEnvironment environment, IterationResult iterations, OperationResult total,
            Map<String, OperationResult> operations, SloReport slo, ResourceResult resources, List<SecondFigures> timeSeries,
            StageReport stages, AppMetricsResult appMetrics, SideBySideResult sideBySide, String testClass) {
        this(schemaVersion, testId, status, statusReason, startedAt, plan, environment, iterations, total, operations, slo, resources,
                timeSeries, stages, appMetrics, sideBySide, testClass, null);
    }

    /** A result without its test class, as written before it was recorded. */
    public LoadTestResult(int schemaVersion, String testId, ResultStatus status, String statusReason, String startedAt,
            PlanSummary plan, RunEnvironment environment, IterationResult iterations, OperationResult total,
            Map<String, OperationResult> operations, SloReport slo, ResourceResult resources, List<SecondFigures> timeSeries,
            StageReport stages, AppMetricsResult appMetrics, SideBySideResult sideBySide) {
        this(schemaVersion, testId, status, statusReason, startedAt, plan, environment, iterations, total, operations, slo, resources,
                timeSeries, stages, appMetrics, sideBySide, null);
    }

    /** A result without application metrics and side-by-side trials, as written before they were recorded. */
    public LoadTestResult(int schemaVersion, String testId, ResultStatus status, String statusReason, String startedAt,
            PlanSummary plan, RunEnvironment environment, IterationResult iterations, OperationResult total,
            Map<String, OperationResult> operations, SloReport slo, ResourceResult resources, List<SecondFigures> timeSeries,
            StageReport stages) {
        this(schemaVersion, testId, status, statusReason, startedAt, plan, environment, iterations, total, operations, slo, resources,
                timeSeries, stages, null, null);
    }

    /** A result without time series and stages, as written before they were recorded. */
    public LoadTestResult(int schemaVersion, String testId, ResultStatus status, String statusReason, String startedAt,
            PlanSummary plan, RunEnvironment environment, IterationResult iterations, OperationResult total,
            Map<String, OperationResult> operations, SloReport slo, ResourceResult resources) {
        this(schemaVersion, testId, status, statusReason, startedAt, plan, environment, iterations, total, operations, slo, resources,
                List.of(), null);
    }

    /** A result without iteration figures and SLOs, as written before they were recorded. */
    public LoadTestResult(int schemaVersion, String testId, ResultStatus status, String statusReason, String startedAt,
            PlanSummary plan, RunEnvironment environment, OperationResult total, Map<String, OperationResult> operations) {
        this(schemaVersion, testId, status, statusReason, startedAt, plan, environment, null, total, operations, null);
    }

    /** A result without resource figures, as written before they were recorded. */
    public LoadTestResult(int schemaVersion, String testId, ResultStatus status, String statusReason, String startedAt,
            PlanSummary plan, RunEnvironment environment, IterationResult iterations, OperationResult total,
            Map<String, OperationResult> operations, SloReport slo) {
        this(schemaVersion, testId, status, statusReason, startedAt, plan, environment, iterations, total, operations, slo, null);
    }

    /** A copy that records the test's class, fully qualified. */
    public LoadTestResult withTestClass(String className) {
        return new LoadTestResult(schemaVersion, testId, status, statusReason, startedAt, plan, environment, iterations, total,
                operations, slo, resources, timeSeries, stages, appMetrics, sideBySide, className, generator, segment);
    }

    /** A copy with another status, e.g. when a check after the run fails the test. */
    public LoadTestResult withStatus(ResultStatus newStatus, String reason) {
        return new LoadTestResult(schemaVersion, testId, newStatus, reason, startedAt, plan, environment, iterations, total,
                operations, slo, resources, timeSeries, stages, appMetrics, sideBySide, testClass, generator, segment);
    }

    /** A copy that records {@code report}, the run judged against its SLOs ({@code null}: none declared). */
    public LoadTestResult withSlo(SloReport report) {
        return new LoadTestResult(schemaVersion, testId, status, statusReason, startedAt, plan, environment, iterations, total,
                operations, report, resources, timeSeries, stages, appMetrics, sideBySide, testClass, generator, segment);
    }

    /** A copy that records the application container's CPU and memory ({@code null}: not sampled). */
    public LoadTestResult withResources(ResourceResult figures) {
        return new LoadTestResult(schemaVersion, testId, status, statusReason, startedAt, plan, environment, iterations, total,
                operations, slo, figures, timeSeries, stages, appMetrics, sideBySide, testClass, generator, segment);
    }

    /** A copy whose plan records the user types its users were divided into (see {@link PlanSummary#userTypes()}). */
    public LoadTestResult withUserTypes(List<PlanSummary.UserTypeSummary> types) {
        return new LoadTestResult(schemaVersion, testId, status, statusReason, startedAt, plan.withUserTypes(types), environment,
                iterations, total, operations, slo, resources, timeSeries, stages, appMetrics, sideBySide, testClass, generator, segment);
    }

    /** A copy that records what a staged run found ({@code null}: nothing to report). */
    public LoadTestResult withStages(StageReport report) {
        return new LoadTestResult(schemaVersion, testId, status, statusReason, startedAt, plan, environment, iterations, total,
                operations, slo, resources, timeSeries, report, appMetrics, sideBySide, testClass, generator, segment);
    }

    /** A copy that records the application's scraped metrics ({@code null}: none asked for). */
    public LoadTestResult withAppMetrics(AppMetricsResult metrics) {
        return new LoadTestResult(schemaVersion, testId, status, statusReason, startedAt, plan, environment, iterations, total,
                operations, slo, resources, timeSeries, stages, metrics, sideBySide, testClass, generator, segment);
    }

    /** A copy that records the side-by-side trials ({@code null}: not run side by side). */
    public LoadTestResult withSideBySide(SideBySideResult trials) {
        return new LoadTestResult(schemaVersion, testId, status, statusReason, startedAt, plan, environment, iterations, total,
                operations, slo, resources, timeSeries, stages, appMetrics, trials, testClass, generator, segment);
    }

    /** A copy that records which part of a distributed run it holds ({@code null}: the whole run). */
    public LoadTestResult withSegment(SegmentSummary part) {
        return new LoadTestResult(schemaVersion, testId, status, statusReason, startedAt, plan, environment, iterations, total,
                operations, slo, resources, timeSeries, stages, appMetrics, sideBySide, testClass, generator, part);
    }

    /** A copy that records what the load generator cost in the measured phase ({@code null}: not measured). */
    public LoadTestResult withGenerator(GeneratorResult cost) {
        return new LoadTestResult(schemaVersion, testId, status, statusReason, startedAt, plan, environment, iterations, total,
                operations, slo, resources, timeSeries, stages, appMetrics, sideBySide, testClass, cost, segment);
    }
}
