/**
 * Runs a load: {@code LoadEngine} takes a {@code RunPlan}, closed ({@code LoadPlan}: users that repeat a
 * {@code Scenario}) or open ({@code OpenLoadPlan}: iterations started on an {@code ArrivalSchedule}, timed
 * from when they were due), and gives {@code RunMeasurements}: per-operation HdrHistograms, windows for the
 * gate's significance test and figures per second. A {@code RunListener} reads a run while it goes on.
 *
 * <pre>{@code
 * RunMeasurements measured = new LoadEngine().run(plan, URI.create("http://127.0.0.1:8080"),
 *         user -> user.http().get("items", "/api/items"));
 * }</pre>
 */
package dev.perfgate.core.engine;
