package dev.perfgate.core.check;

import java.util.List;
import java.util.Objects;

import dev.perfgate.core.compare.GateRules;
import dev.perfgate.core.compare.MetricComparison;
import dev.perfgate.core.compare.SideBySideComparator;
import dev.perfgate.core.result.WarmUpDrift;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.SideBySideResult;

/**
 * The gate of a result that ran side by side: decided on its own pairs of trials (the reference as
 * the baseline column, this build as the current one), whatever figures the committed baseline holds.
 * The committed baseline only says which reference was agreed on; a run against another one is flagged
 * in every row's note.
 */
final class SideBySideCheck {

    private SideBySideCheck() {
    }

    static List<MetricComparison> rows(LoadTestResult result, LoadTestResult baseline, GateRules rules, BaselineCommands commands,
            List<CheckMessage> said) {
        SideBySideResult trials = result.sideBySide();
        said.add(CheckMessage.info("perfgate: " + result.testId() + " ran side by side with its reference (A: " + trials.reference() + "; B: this build), "
                + trials.describeTrials() + "; decided on the " + (trials.instances() > 1
                ? "instances: mean change [t interval], one-sided t test p (Holm)" : "pairs: Hodges-Lehmann change [interval], one-sided signed-rank p (Holm)")));
        WarmUpDrift.of(trials).ifPresent(drift -> said.add(CheckMessage.warn("perfgate: " + drift.describe(result.testId()))));
        List<MetricComparison> rows = new SideBySideComparator(rules).compare(result);
        String agreed = baseline == null || baseline.sideBySide() == null ? null : baseline.sideBySide().reference();
        if (agreed == null) {
            said.add(CheckMessage.info("perfgate: no baseline of " + result.testId() + " records its reference yet; record it with "
                    + commands.all()));
            return rows;
        }
        if (Objects.equals(agreed, trials.reference())) {
            return rows;
        }
        String remark = "another reference than the baseline's (" + agreed + ")";
        said.add(CheckMessage.warn("perfgate: " + result.testId() + " ran against " + trials.reference() + ", but its baseline records " + agreed));
        return rows.stream().map(row -> row.withRemark(remark)).toList();
    }
}
