package dev.perfgate.maven;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;

import dev.perfgate.core.compare.GateRules;
import dev.perfgate.core.compare.GateSettings;
import dev.perfgate.core.compare.Metric;

/** The {@code <rules>} of the {@code check} goal over its own settings, validated once before any comparison. */
final class ConfiguredRules implements GateRules {

    private final GateSettings defaults;
    private final List<Entry> entries;

    private ConfiguredRules(GateSettings defaults, List<Entry> entries) {
        this.defaults = defaults;
        this.entries = entries;
    }

    static ConfiguredRules of(GateSettings defaults, List<GateRule> rules) throws MojoExecutionException {
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (GateRule rule : rules == null ? List.<GateRule>of() : rules) {
            index++;
            String where = "perf-maven-plugin <rules>, rule " + index;
            if (rule.tests() == null || rule.tests().isBlank()) {
                throw new MojoExecutionException(where + ": <tests> is required, e.g. <tests>SearchLoadIT.*</tests>");
            }
            try {
                GateSettings settings = new GateSettings(
                        or(rule.tolerancePercent(), defaults.tolerancePercent()),
                        or(rule.latencyFloorMillis(), defaults.latencyFloorMillis()),
                        or(rule.errorRateTolerancePoints(), defaults.errorRateTolerancePoints()),
                        rule.minTailSamples() == null ? defaults.minTailSamples() : rule.minTailSamples(),
                        or(rule.significance(), defaults.significance()),
                        rule.metrics() == null || rule.metrics().isBlank() ? defaults.metrics() : Metric.parseList(rule.metrics()));
                TestIdFilter operations = rule.operations() == null || rule.operations().isBlank() ? null : TestIdFilter.of(rule.operations());
                entries.add(new Entry(TestIdFilter.of(rule.tests()), operations, settings));
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException(where + " (tests " + rule.tests() + "): " + e.getMessage(), e);
            }
        }
        return new ConfiguredRules(defaults, entries);
    }

    @Override
    public GateSettings settingsFor(String testId, String operation) {
        GateSettings settings = defaults;
        for (Entry entry : entries) {
            if (entry.tests.matches(testId) && (entry.operations == null || entry.operations.matches(operation))) {
                settings = entry.settings;
            }
        }
        return settings;
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    private static final class Entry {
        final TestIdFilter tests;
        final TestIdFilter operations;
        final GateSettings settings;

        Entry(TestIdFilter tests, TestIdFilter operations, GateSettings settings) {
            this.tests = tests;
            this.operations = operations;
            this.settings = settings;
        }
    }
}
