package dev.perfgate.core.jmh;

import java.time.Instant;
import java.util.List;

import dev.perfgate.core.result.RunEnvironment;

/**
 * The committed baseline of one benchmark: its results in every mode JMH ran it in, when and where
 * they were recorded.
 *
 * @param id          the benchmark's id, {@link BenchmarkResult#id()}
 * @param recordedAt  when the baseline was recorded
 * @param environment the machine that recorded it (its {@code gitCommit}: the commit measured)
 * @param results     one result per mode
 */
public record BenchmarkBaseline(String id, Instant recordedAt, RunEnvironment environment, List<BenchmarkResult> results) {

    public BenchmarkBaseline {
        results = List.copyOf(results);
    }
}
