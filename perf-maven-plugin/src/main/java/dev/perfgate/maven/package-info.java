/**
 * The Maven goals of perfgate's gate: {@code check} (in {@code verify}: every load-test result and JMH
 * benchmark against its committed baseline, failing the build on a regression), {@code report} (the same
 * comparison, reports only), {@code baseline} (promotes this build's results, atomically) and
 * {@code calibrate} (tolerances from the project's own unchanged runs). The decisions themselves are
 * perf-gate's ({@code dev.perfgate.core.check}); this package reads the build's settings and files and
 * says what it decided in Maven's log.
 *
 * <pre>{@code
 * mvn verify                     # the load tests, then perf:check
 * mvn perf:baseline              # accept this run's results as the new baselines
 * }</pre>
 */
package dev.perfgate.maven;
