package dev.perfgate.core.result;

import java.util.Map;
import java.util.TreeMap;

/**
 * One short trial of a side-by-side run: one version of the application under the test's load
 * while the other one idles.
 *
 * @param pair       the pair it belongs to, from 0, counted over the whole run
 * @param instance   the instance of the application it measured, from 0: a run with several starts a fresh container of
 *                   each version per instance, whose pairs share it (0 in results written before instances existed)
 * @param version    {@value SideBySideResult#REFERENCE} (the reference) or {@value SideBySideResult#CANDIDATE} (this build)
 * @param position   0 when it ran first in its pair, 1 when second; 0 for both when the pair was one interleaved trial
 * @param startedAt  ISO-8601 instant at which its measured phase began
 * @param total      all its requests, with their histogram
 * @param operations per operation name
 */
public record TrialResult(int pair, int instance, String version, int position, String startedAt, OperationResult total,
        Map<String, OperationResult> operations) {

    public TrialResult {
        operations = operations == null ? Map.of() : new TreeMap<>(operations);
    }

    /** Whether this trial measured the reference (A). */
    public boolean ofReference() {
        return SideBySideResult.REFERENCE.equals(version);
    }

    /** The figures of {@code operation} ({@code "(total)"}: all together), or {@code null} when it made no such call. */
    public OperationResult figuresOf(String operation, String totalName) {
        return totalName.equals(operation) ? total : operations.get(operation);
    }
}
