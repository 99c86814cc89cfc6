package dev.perfgate.core.slo;

import java.util.List;

/**
 * A one-letter summary of a run against its SLOs, by the tightest objective's usage (measured /
 * limit for ceilings, limit / measured for floors; see docs/slo.md):
 * <ul>
 * <li>A: every objective met with at least 25 % headroom (usage at most 0.75)</li>
 * <li>B: every objective met with at least 10 % headroom (usage at most 0.90)</li>
 * <li>C: every objective met (usage at most 1)</li>
 * <li>D: an objective missed by at most 25 % (usage at most 1.25)</li>
 * <li>F: an objective missed by more, an operation never called, or the run failed or was aborted</li>
 * </ul>
 */
public enum Grade {
    A, B, C, D, F;

    /**
     * The grade of {@code checks} in a run that {@code passed} (completed, with requests that succeeded) or did not;
     * a run without objectives is graded on that alone.
     */
    public static Grade of(List<SloCheck> checks, boolean passed) {
        if (!passed) {
            return F;
        }
        double worst = checks.stream().mapToDouble(SloCheck::usage).max().orElse(0);
        if (worst <= 0.75) {
            return A;
        }
        if (worst <= 0.90) {
            return B;
        }
        if (worst <= 1.0) {
            return C;
        }
        return worst <= 1.25 ? D : F;
    }
}
