/**
 * Service-level objectives: an {@code @Slo}'s thresholds ({@code SloThreshold}) checked against a run's
 * figures ({@code SloCheck}), the report of every check and a one-letter {@code Grade}. An SLO judges a run
 * on its own; the gate in {@code compare} judges it against a baseline.
 */
package dev.perfgate.core.slo;
