/**
 * The gate's decision over one build, for every front end: {@code Check} takes the build's results, their
 * baselines and the settings, and returns the rows, the NEW and MISSING tests, what to warn about and why
 * the build fails. It reads, writes and prints nothing, so the Maven plugin and the command line say the
 * same thing in their own way.
 *
 * <pre>{@code
 * CheckOutcome outcome = new Check(CheckSettings.of(GateRules.everywhere(GateSettings.DEFAULT), GateSettings.DEFAULT))
 *         .run(CheckInput.of(results, baselines, Path.of("baselines"), "target/perf-results"));
 * if (outcome.failed()) { ... }
 * }</pre>
 */
package dev.perfgate.core.check;
