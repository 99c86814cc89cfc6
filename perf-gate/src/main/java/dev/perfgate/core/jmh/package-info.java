/**
 * JMH benchmarks in the same gate as load tests: {@code JmhResultFile} reads JMH's JSON results,
 * {@code BenchmarkBaselineFiles} keeps one baseline per benchmark under {@code baselines/jmh/}, in JMH's
 * own JSON.
 */
package dev.perfgate.core.jmh;
