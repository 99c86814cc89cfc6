/**
 * What virtual users do beyond one method: weighted {@code UserType}s and their {@code Task}s in a
 * {@code UserMix}, and {@code Feeder}s that hand each user a record of test data (a list or a CSV file).
 */
package dev.perfgate.core.scenario;
