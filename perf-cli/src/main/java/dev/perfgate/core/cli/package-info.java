/**
 * perfgate on the command line, like wrk: loads one URL with the event-loop driver and prints a wrk-like
 * block of figures (with {@code --json}, also a file of them); {@code check} gates a folder of result
 * files against a folder of baselines, as {@code mvn verify} does. No JUnit, Maven or Docker needed.
 *
 * <pre>{@code
 * java -jar perf-cli/target/perfgate-cli.jar --url http://127.0.0.1:18080/hello --connections 64 --duration 10s
 * java -jar perf-cli/target/perfgate-cli.jar check --results build/perf-results --baselines baselines
 * }</pre>
 */
package dev.perfgate.core.cli;
