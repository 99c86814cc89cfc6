/**
 * Durations and rates as people write them in annotations and properties, {@code "30s"} and
 * {@code "50/s"}, read with an error that shows a valid example.
 *
 * <pre>{@code
 * Duration warmUp = ReadableDuration.parse("10s", "@LoadTest(warmUp)");
 * }</pre>
 */
package dev.perfgate.core.time;
