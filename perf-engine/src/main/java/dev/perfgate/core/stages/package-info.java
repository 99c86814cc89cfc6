/**
 * Named load patterns and what each reports: a {@code Spike} (recovery time), a {@code StepStress}
 * (breaking point) and a {@code Soak} (latency drift), read from one line by {@code StagePatterns}.
 *
 * <pre>{@code
 * StageProfile spike = StagePatterns.parse("spike 1->200->1 users for 10s/5s/20s", slos, "@LoadTest(pattern)");
 * }</pre>
 */
package dev.perfgate.core.stages;
