/**
 * Service-level objectives as the result file holds them: an {@code @Slo}'s thresholds
 * ({@code SloThreshold}), each with what the run measured ({@code SloCheck}), and the report of every check
 * with a one-letter {@code Grade}. Plain records: the result model's {@code SloJudge} reads a run's figures
 * against them. An SLO judges a run on its own; the gate judges it against a baseline.
 */
package dev.perfgate.core.slo;
