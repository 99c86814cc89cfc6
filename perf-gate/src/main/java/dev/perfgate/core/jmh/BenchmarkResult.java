package dev.perfgate.core.jmh;

import java.util.Arrays;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One benchmark of a JMH run in one mode with one set of parameters, as JMH's JSON results hold it.
 * The gate compares {@link #iterations()}, the score of every measurement iteration of every fork,
 * not only the mean score, so that it can tell a change from the benchmark's own noise.
 *
 * @param benchmark  JMH's benchmark name, e.g. {@code "com.example.PrimesBenchmark.sieve"}
 * @param mode       the benchmark mode
 * @param params     the {@code @Param} values, sorted by name; empty when none
 * @param unit       the score's unit, e.g. {@code "us/op"} or {@code "ops/s"}
 * @param score      JMH's score: the mean of all iterations
 * @param iterations the score of each measurement iteration, fork after fork
 * @param forks      how many forks the iterations come from
 * @param jvm        the JVM the benchmark ran on, e.g. {@code "OpenJDK 64-Bit Server VM 17.0.15"}
 * @param source     the benchmark's element of JMH's JSON, kept as written for baselines
 */
public record BenchmarkResult(String benchmark, JmhMode mode, SortedMap<String, String> params, String unit, double score,
        double[] iterations, int forks, String jvm, JsonNode source) {

    public BenchmarkResult {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
        iterations = iterations.clone();
    }

    /**
     * The id that names this benchmark in tables and baseline files: the simple class name, the
     * method and the parameters, e.g. {@code "PrimesBenchmark.sieve[limit=10000]"}. The mode is not
     * part of it; one baseline file holds every mode of a benchmark.
     */
    public String id() {
        String[] parts = benchmark.split("\\.");
        String name = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
        if (params.isEmpty()) {
            return name;
        }
        return name + params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",", "[", "]"));
    }

    /** The class that declares the benchmark method, e.g. {@code "com.example.PrimesBenchmark"}. */
    public String benchmarkClass() {
        int lastDot = benchmark.lastIndexOf('.');
        return lastDot < 0 ? benchmark : benchmark.substring(0, lastDot);
    }

    @Override
    public double[] iterations() {
        return iterations.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BenchmarkResult that && benchmark.equals(that.benchmark) && mode == that.mode
                && params.equals(that.params) && unit.equals(that.unit) && Double.compare(score, that.score) == 0
                && Arrays.equals(iterations, that.iterations) && forks == that.forks;
    }

    @Override
    public int hashCode() {
        return 31 * benchmark.hashCode() + mode.hashCode();
    }

    @Override
    public String toString() {
        return id() + " " + mode.shortName() + " " + score + " " + unit + " (" + iterations.length + " iterations)";
    }
}
