package dev.perfgate.core.result;

/**
 * Scenario iterations of the measured phase: how many the plan called for and how many started,
 * which in the open model are the intended and the achieved arrival rate.
 *
 * @param started            iterations that started in the measured phase
 * @param scheduled          iterations the plan called for in it: the arrivals due in the open model; in the
 *                           closed model, every iteration a user began (equal to {@code started})
 * @param dropped            arrivals due in the measured phase that were not started because the open model's
 *                           {@code maxInFlight} iterations were running; 0 in the closed model
 * @param startedPerSecond   {@code started} per second of the measured phase: the achieved arrival rate
 * @param scheduledPerSecond {@code scheduled} per second: the intended arrival rate
 */
public record IterationResult(long started, long scheduled, long dropped, double startedPerSecond, double scheduledPerSecond) {
}
